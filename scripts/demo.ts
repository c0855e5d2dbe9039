/**
 * `npm run demo`: the main job on a fresh machine. Copies examples/basic to a temporary
 * directory, then validates, plans and applies it against the embedded Optimizely emulator, and
 * checks that a second plan is empty. Exits non-zero if any step does not do what it should.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'catalyst.js');

const project = await mkdtemp(join(tmpdir(), 'catalyst-demo-'));
await cp(join(ROOT, 'examples', 'basic'), project, { recursive: true, filter: (source) => !source.includes('.catalyst') && !source.endsWith('catalyst.lock.json') });
process.stdout.write(`Demo project: ${project} (a copy of examples/basic)\n`);

const steps: Array<{ title: string; args: string[]; expect: number }> = [
  { title: 'Validate the YAML', args: ['validate'], expect: 0 },
  { title: 'Plan against the embedded emulator (exit 2: changes present)', args: ['plan', '--detailed-exitcode'], expect: 2 },
  { title: 'Apply', args: ['apply', '--auto-approve'], expect: 0 },
  { title: 'Plan again: nothing left to do (exit 0)', args: ['plan', '--detailed-exitcode'], expect: 0 },
];

for (const step of steps) {
  process.stdout.write(`\n━━ ${step.title}\n$ catalyst ${step.args.join(' ')}\n\n`);
  const result = spawnSync(process.execPath, [BIN, ...step.args], { cwd: project, stdio: 'inherit', env: { ...process.env, CATALYST_ACTOR: 'demo' } });
  if (result.status !== step.expect) {
    process.stderr.write(`\nDemo failed: \`catalyst ${step.args.join(' ')}\` exited ${result.status}, expected ${step.expect}.\n`);
    process.exit(1);
  }
}
process.stdout.write(`\nDemo complete: planned, applied, and the next plan is empty. Explore it in ${project}\n`);
