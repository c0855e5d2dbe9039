import { describe, expect, it } from 'vitest';
import { bumpOf, nextVersion } from '../../src/core/semantic-version.js';

describe('semantic versions per type', () => {
  it('bumps by the change classes: breaking or destructive → major, additive → minor, metadata → patch', () => {
    expect(bumpOf([{ op: 'change', risk: 'safe' }])).toBe('patch');
    expect(
      bumpOf([
        { op: 'change', risk: 'safe' },
        { op: 'add', risk: 'safe' },
      ]),
    ).toBe('minor');
    expect(
      bumpOf([
        { op: 'add', risk: 'safe' },
        { op: 'change', risk: 'breaking' },
      ]),
    ).toBe('major');
    expect(bumpOf([{ op: 'remove', risk: 'destructive' }])).toBe('major');
  });

  it('counts up from the previous version, and starts at 1.0.0', () => {
    expect(nextVersion('1.4.2', 'patch')).toBe('1.4.3');
    expect(nextVersion('1.4.2', 'minor')).toBe('1.5.0');
    expect(nextVersion('1.4.2', 'major')).toBe('2.0.0');
    expect(nextVersion(undefined, 'minor')).toBe('1.0.0');
    expect(nextVersion('garbage', 'major')).toBe('1.0.0');
  });
});
