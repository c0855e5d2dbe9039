import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/render/wrap-text.js';

describe('wrapText', () => {
  it.each<[string, string, number, string, string[]]>([
    ['short text: one line', 'Fix it.', 20, '  ', ['  Fix it.']],
    ['wraps on spaces, the indent counted in the width', 'one two three four', 11, '  ', ['  one two', '  three', '  four']],
    [
      'a word longer than the width stays whole',
      'see content-types/pages/ArticlePage.yaml now',
      12,
      '',
      ['see', 'content-types/pages/ArticlePage.yaml', 'now'],
    ],
    ['runs of whitespace and newlines collapse', 'a  b\n c', 80, '', ['a b c']],
    ['empty text: no lines', '', 80, '  ', []],
  ])('%s', (_name, text, width, indent, expected) => {
    expect(wrapText(text, width, indent)).toEqual(expected);
  });
});
