/**
 * `npm run demo`: the main job on a fresh machine. Copies examples/basic to a temporary
 * directory, then validates, plans and applies it against the embedded Optimizely emulator, and
 * checks that a second plan is empty. Exits non-zero if any step does not do what it should.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'catalyst.js');

const project = await mkdtemp(join(tmpdir(), 'catalyst-demo-'));
const EXAMPLE = join(ROOT, 'examples', 'basic');
/** Local state a run in examples/basic may have left: the demo starts from a new project. */
const LOCAL_STATE = new Set(['.catalyst', 'catalyst.lock.json', 'catalyst.history']);
await cp(EXAMPLE, project, { recursive: true, filter: (source) => !LOCAL_STATE.has(relative(EXAMPLE, source).split(sep)[0]!) });
process.stdout.write(`Demo project: ${project} (a copy of examples/basic)\n`);

const steps: Array<{ title: string; args: string[]; expect: number }> = [
  { title: 'Validate the YAML', args: ['validate'], expect: 0 },
  { title: 'Plan against the embedded emulator (exit 2: changes present)', args: ['plan', '--detailed-exitcode'], expect: 2 },
  { title: 'Apply', args: ['apply', '--auto-approve'], expect: 0 },
  { title: 'Plan again: nothing left to do (exit 0)', args: ['plan', '--detailed-exitcode'], expect: 0 },
];

for (const step of steps) {
  process.stdout.write(`\n━━ ${step.title}\n$ catalyst ${step.args.join(' ')}\n\n`);
  const result = spawnSync(process.execPath, [BIN, ...step.args], {
    cwd: project,
    stdio: 'inherit',
    env: { ...process.env, CATALYST_ACTOR: 'demo' },
  });
  if (result.status !== step.expect) {
    process.stderr.write(`\nDemo failed: \`catalyst ${step.args.join(' ')}\` exited ${result.status}, expected ${step.expect}.\n`);
    process.exit(1);
  }
}
process.stdout.write(`\nDemo complete: planned, applied, and the next plan is empty. Explore it in ${project}\n`);
