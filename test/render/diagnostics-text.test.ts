import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { renderDiagnostics } from '../../src/render/diagnostics-text.js';
import { plainStyle } from '../../src/render/style.js';
import { markerStyle } from './marker-style.js';

const located: Diagnostic = {
  code: 'Y004',
  severity: 'error',
  summary: 'Unknown member "requried"',
  detail: 'Did you mean "required"? Fix the spelling.',
  location: { file: 'content-types/Article.yaml', line: 12, column: 7 },
};
const unplaced: Diagnostic = { code: 'V016', severity: 'warning', summary: 'Unknown type "Hero"', detail: 'Declare it or fix the name.' };

describe('renderDiagnostics', () => {
  it.each<[string, Diagnostic[], string]>([
    ['nothing: empty', [], ''],
    [
      'an error at file:line:column, the detail below, the count last',
      [located],
      'content-types/Article.yaml:12:7: error Y004 Unknown member "requried"\n  Did you mean "required"? Fix the spelling.\n\n1 error\n',
    ],
    ['a warning without a location', [unplaced], 'warning V016 Unknown type "Hero"\n  Declare it or fix the name.\n\n1 warning\n'],
    [
      'errors and warnings counted apart, plural',
      [located, located, unplaced],
      `${'content-types/Article.yaml:12:7: error Y004 Unknown member "requried"\n  Did you mean "required"? Fix the spelling.\n\n'.repeat(2)}warning V016 Unknown type "Hero"\n  Declare it or fix the name.\n\n2 errors, 1 warning\n`,
    ],
  ])('%s', (_name, diagnostics, expected) => {
    expect(renderDiagnostics(diagnostics, plainStyle)).toBe(expected);
  });

  it('paints the severity and the code', () => {
    expect(renderDiagnostics([located, unplaced], markerStyle).split('\n')).toEqual([
      'content-types/Article.yaml:12:7: <error>error</error> <strong>Y004</strong> Unknown member "requried"',
      '  Did you mean "required"? Fix the spelling.',
      '',
      '<warning>warning</warning> <strong>V016</strong> Unknown type "Hero"',
      '  Declare it or fix the name.',
      '',
      '1 error, 1 warning',
      '',
    ]);
  });
});
