import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixture/', import.meta.url));

/** npm ci of Strapi takes about 2 minutes here (most of it compiling better-sqlite3); beyond this something is wrong. */
const INSTALL_TIMEOUT_MS = 15 * 60_000;

/**
 * Installs the fixture's dependencies once per lockfile and Node ABI into
 * `~/.cache/catalyst-strapi/<hash>` (or `$CATALYST_STRAPI_CACHE/<hash>`), and returns the folder
 * holding `node_modules`. A half-finished install is never used: it goes to a scratch folder that
 * is renamed into place only when `npm ci` succeeds. Fails with npm's output when it cannot install.
 */
export async function installFixture(log: (line: string) => void = () => undefined): Promise<string> {
  const lock = await readFile(join(FIXTURE_DIR, 'package-lock.json'));
  const hash = createHash('sha256')
    .update(lock)
    .update(`${process.platform}-${process.arch}-node-abi-${process.versions.modules}`)
    .digest('hex')
    .slice(0, 16);
  const cacheRoot = process.env.CATALYST_STRAPI_CACHE ?? join(homedir(), '.cache', 'catalyst-strapi');
  const target = join(cacheRoot, hash);
  if (await exists(join(target, 'node_modules', '@strapi', 'strapi', 'package.json'))) return target;

  const scratch = `${target}.installing-${process.pid}`;
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  await cp(join(FIXTURE_DIR, 'package.json'), join(scratch, 'package.json'));
  await writeFile(join(scratch, 'package-lock.json'), lock);
  log(`Installing the Strapi test fixture into ${target} (npm ci, about 2 minutes the first time)`);
  const started = Date.now();
  try {
    await npmCi(scratch);
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
  await rm(target, { recursive: true, force: true });
  await rename(scratch, target);
  log(`Installed the Strapi test fixture in ${Math.round((Date.now() - started) / 1000)} s`);
  return target;
}

function npmCi(dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      reject(failure(dir, `npm ci did not finish within ${INSTALL_TIMEOUT_MS / 60_000} minutes`, output));
    }, INSTALL_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(failure(dir, `npm could not be started (${error.message})`, output));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(failure(dir, `npm ci exited with ${signal ?? `code ${code}`}`, output));
    });
  });
}

function failure(dir: string, what: string, output: string): Error {
  return new Error(
    `The Strapi tests need Strapi 5.54.0 installed from test/strapi/fixture/package-lock.json, and ${what} in ${dir}. ` +
      'They need the npm registry and a C++ toolchain for better-sqlite3 (node-gyp). Fix that and run the tests again, ' +
      `or run \`npm run test:fast\` to skip the Strapi tests.\nLast npm output:\n${output.split('\n').slice(-40).join('\n')}`,
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
