import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CODES_DOC, codesDoc } from '../../scripts/gen-codes-doc.js';

describe('docs/codes.md', () => {
  it('lists exactly the codes the source defines (run `npm run gen:docs` after adding one)', async () => {
    expect(await readFile(CODES_DOC, 'utf8')).toBe(codesDoc());
  });
});
