import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GENERATED, generateTypes } from '../../scripts/gen-types.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('generated types', () => {
  it('match the schemas they are generated from (run `npm run gen:types` after editing a schema)', async () => {
    const files = await generateTypes();
    expect([...files.keys()]).toEqual(GENERATED.map((entry) => join('src', entry.output)));
    for (const [path, expected] of files) {
      const committed = await readFile(join(ROOT, path), 'utf8').catch(() => '<missing>');
      expect(committed, `${path} is out of date`).toBe(expected);
    }
  });
});
