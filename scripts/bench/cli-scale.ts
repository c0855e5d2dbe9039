/**
 * The CLI at scale: start-up, and `catalyst plan` over N YAML files against the embedded emulator
 * when everything is in sync (the no-op plan a CI job runs on every pull request).
 */
import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/catalyst.js', import.meta.url));

export interface CliRun {
  seconds: number;
  /** Peak resident set size of the child, in MB (GNU time's %M when available). */
  maxRssMb: number | undefined;
  code: number | null;
}

/** One `catalyst` run, timed; peak memory through /usr/bin/time when the machine has it. */
export function timeCli(args: string[], cwd: string): CliRun {
  const useTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
  const started = process.hrtime.bigint();
  const options: SpawnSyncOptionsWithStringEncoding = {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  };
  const result = useTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], options)
    : spawnSync(process.execPath, [BIN, ...args], options);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const kb = useTime ? Number(result.stderr.trim().split('\n').at(-1)) : Number.NaN;
  return { seconds, maxRssMb: Number.isFinite(kb) ? kb / 1024 : undefined, code: result.status };
}

function yamlType(index: number, properties: number): string {
  const lines = [
    '# yaml-language-server: $schema=../node_modules/@catalyst-cms/cli/schemas/content-type.schema.json',
    `key: Scale${index}`,
    'baseType: _component',
    `displayName: Scale ${index}`,
    'properties:',
  ];
  for (let p = 0; p < properties; p++) {
    lines.push(`  field${p}:`, `    type: ${p % 3 === 0 ? 'integer' : 'string'}`, `    displayName: Field ${p}`);
    if (p % 3 === 1) lines.push('    maxLength: 200');
  }
  return `${lines.join('\n')}\n`;
}

/** A project of `types` content types on the embedded emulator, applied, so that a plan is empty. */
export async function syncedProject(types: number, properties: number): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'catalyst-scale-'));
  await mkdir(join(dir, 'content-types'));
  await writeFile(join(dir, 'catalyst.config.json'), JSON.stringify({ contentTypesDir: 'content-types' }));
  for (let index = 0; index < types; index++)
    await writeFile(join(dir, 'content-types', `Scale${index}.yaml`), yamlType(index, properties));
  const applied = timeCli(['apply', '--auto-approve'], dir);
  if (applied.code !== 0) throw new Error(`apply of ${types} types exited ${applied.code}`);
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}
