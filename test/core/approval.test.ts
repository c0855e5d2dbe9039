import { describe, expect, it } from 'vitest';
import { approvalFromFlag, unapproved } from '../../src/core/approval.js';
import type { ApprovalItem } from '../../src/core/generated/plan.js';

const items: ApprovalItem[] = [
  { kind: 'contentType', key: 'Article', code: 'DS102', path: 'properties.body', reason: 'removed' },
  { kind: 'contentType', key: 'Article', code: 'DS102', path: 'properties.teaser', reason: 'removed' },
  { kind: 'contentType', key: 'Old', code: 'DS101', path: '', reason: 'deleted' },
];

describe('approvals', () => {
  it('reads the flag: absent → none, bare → all, a list (commas, repeats) → exactly those', () => {
    expect(approvalFromFlag(undefined)).toBe(false);
    expect(approvalFromFlag('')).toBe(true);
    expect(approvalFromFlag(true)).toBe(true);
    expect(approvalFromFlag('Old, Article.properties.body')).toEqual(['Old', 'Article.properties.body']);
    expect(approvalFromFlag(['Old', 'A,B'])).toEqual(['Old', 'A', 'B']);
  });

  it('a key approves every change to it, key.path one change, nothing else is approved', () => {
    expect(unapproved(items, true)).toEqual([]);
    expect(unapproved(items, false)).toEqual(items);
    expect(unapproved(items, ['Article']).map((item) => item.key)).toEqual(['Old']);
    expect(unapproved(items, ['Article.properties.body', 'Old']).map((item) => item.path)).toEqual(['properties.teaser']);
    expect(unapproved(items, ['Articl', 'properties.body'])).toEqual(items);
  });
});
