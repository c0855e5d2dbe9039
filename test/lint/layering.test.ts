import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The rules each problem in `path` was reported by, after linting `code` as if it were that file. */
async function rulesFor(eslint: ESLint, path: string, code: string): Promise<Array<string | null>> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  return result!.messages.map((message) => message.ruleId);
}

describe('the lint rules that enforce ARCHITECTURE.md’s layering', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: ROOT });
  });

  it('refuses an import from core into io, and allows the same import from the engine', async () => {
    const code = "import { readLockfile } from '../io/lockfile/read-lockfile.js';\nexport const read = readLockfile;\n";
    expect(await rulesFor(eslint, 'src/core/probe.ts', code)).toEqual(['import-x/no-restricted-paths']);
    expect(await rulesFor(eslint, 'src/engine/probe.ts', code)).toEqual([]);
  });

  it('keeps render pure and the emulator apart from catalyst', async () => {
    expect(
      await rulesFor(
        eslint,
        'src/render/probe.ts',
        "import { applyPlan } from '../engine/apply-plan.js';\nexport const apply = applyPlan;\n",
      ),
    ).toEqual(['import-x/no-restricted-paths']);
    expect(
      await rulesFor(eslint, 'src/emulator/probe.ts', "import { digest } from '../core/digest.js';\nexport const hash = digest;\n"),
    ).toEqual(['import-x/no-restricted-paths']);
  });

  it('lets only the composition root start the emulator from the engine', async () => {
    const code = "export const start = async () => (await import('../emulator/index.js')).startEmulator;\n";
    expect(await rulesFor(eslint, 'src/engine/probe.ts', code)).toEqual(['import-x/no-restricted-paths']);
    expect(await rulesFor(eslint, 'src/engine/open-target.ts', code)).toEqual([]);
  });

  it('refuses I/O modules in core, except hashing', async () => {
    expect(
      await rulesFor(eslint, 'src/core/probe.ts', "import { readFile } from 'node:fs/promises';\nexport const read = readFile;\n"),
    ).toEqual(['no-restricted-imports']);
    expect(
      await rulesFor(eslint, 'src/core/probe.ts', "import { createHash } from 'node:crypto';\nexport const hash = createHash;\n"),
    ).toEqual([]);
  });

  it('reports an import cycle', async () => {
    const unignored = new ESLint({ cwd: ROOT, ignore: false });
    const results = await unignored.lintFiles(['test/fixtures/lint/cycle/first.ts']);
    expect(results[0]!.messages.map((message) => message.ruleId)).toEqual(['import-x/no-cycle']);
  });
});
