import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** A fresh temporary folder for the tests of the enclosing `describe`: made before them, removed after; `path` once made. */
export function useTempDir(name: string): { readonly path: string } {
  let made: string | undefined;
  beforeAll(async () => {
    made = await mkdtemp(join(tmpdir(), `catalyst-${name}-`));
  });
  afterAll(async () => {
    if (made) await rm(made, { recursive: true, force: true });
  });
  return {
    get path() {
      if (made === undefined) throw new Error('useTempDir: the folder is made in beforeAll; read path inside a test');
      return made;
    },
  };
}
