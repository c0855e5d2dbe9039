import { describe, expect, it } from 'vitest';
import { TextBudget } from '../../src/render/text-budget.js';

const note = (count: number) => `[${count} more]`;

describe('TextBudget.takeWhole', () => {
  it.each<[string, number, string[], string[], number]>([
    ['everything fits: no note', 100, ['aaaa', 'bbbb'], ['aaaa', 'bbbb'], 92],
    ['room is kept for the note before blocks are taken', 13, ['aaaa', 'bbbb'], ['aaaa', '[1 more]'], 1],
    ['stops at the first block that does not fit: a prefix, never a gap', 20, ['aaaa', 'b'.repeat(20), 'c'], ['aaaa', '[2 more]'], 8],
    ['nothing fits: only the note', 8, ['aaaa'], ['[1 more]'], 0],
    ['no blocks: nothing', 10, [], [], 10],
  ])('%s', (_name, characters, blocks, expected, remaining) => {
    const budget = new TextBudget(characters);
    expect(budget.takeWhole(blocks, note)).toEqual(expected);
    expect(budget.remaining).toBe(remaining);
  });

  it('spend counts text shown whatever the budget, and may go below zero', () => {
    const budget = new TextBudget(3);
    expect(budget.spend('hello')).toBe('hello');
    expect(budget.remaining).toBe(-2);
    expect(budget.takeWhole(['a'], note)).toEqual(['[1 more]']);
  });
});
