import { describe, expect, it } from 'vitest';
import { codeBlock, codeSpan, escapeHtml, escapeText, fenceFor, tableCell } from '../../src/render/markdown-escape.js';

describe('escapeText', () => {
  it.each<[string, string]>([
    ['plain words', 'plain words'],
    ['a *bold* _claim_', 'a \\*bold\\* \\_claim\\_'],
    ['[link](x) and `code`', '\\[link\\](x) and \\`code\\`'],
    ['<script>alert(1)</script> & more', '&lt;script&gt;alert(1)&lt;/script&gt; &amp; more'],
    ['a | b ~~c~~ \\d', 'a \\| b \\~\\~c\\~\\~ \\\\d'],
  ])('%j', (text, expected) => {
    expect(escapeText(text)).toBe(expected);
  });
});

describe('escapeHtml', () => {
  it('neutralises tags and entities only', () => {
    expect(escapeHtml('<b>*A* & B</b>')).toBe('&lt;b&gt;*A* &amp; B&lt;/b&gt;');
  });
});

describe('codeSpan', () => {
  it.each<[string, string]>([
    ['Article', '`Article`'],
    ['a`b', '``a`b``'],
    ['``x``', '``` ``x`` ```'],
    ['`edge', '`` `edge ``'],
  ])('%j', (text, expected) => {
    expect(codeSpan(text)).toBe(expected);
  });
});

describe('codeBlock and fenceFor', () => {
  it('uses three backticks when nothing inside needs more', () => {
    expect(codeBlock('diff', ['+ a', '- b'])).toBe('```diff\n+ a\n- b\n```');
  });

  it('outgrows any run of backticks inside, so content cannot close the block', () => {
    expect(codeBlock('diff', ['+ description: "```"'])).toBe('````diff\n+ description: "```"\n````');
    expect(fenceFor('`````')).toBe('``````');
  });
});

describe('tableCell', () => {
  it('keeps a cell on one line and escapes pipes, also inside code spans', () => {
    expect(tableCell('`a|b`\nnext')).toBe('`a\\|b` next');
  });
});
