import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../../src/emulator/index.js';
import type { HistoryRecord } from '../../../src/io/audit/history-record.js';
import { emptyLockfile, lockedTarget, type Lockfile } from '../../../src/io/lockfile/lockfile.js';
import { runInProcess } from '../../helpers/run-in-process.js';
import { runCli, type CliResult, type RunCliOptions } from '../../helpers/run-cli.js';

/** Who the scenario runs as, so the lockfile and history name it. */
export const SCENARIO_ACTOR = 'scenario-tests';

export interface ScenarioProjectOptions {
  /** The API host of the CMS (an in-process emulator's `url`). */
  apiUrl: string;
  /** Target name in the config (default `cms`). */
  targetName?: string;
  /** Extra targets, written as they would be in the config. */
  extraTargets?: Record<string, unknown>;
  clientId?: string;
  clientSecret?: string;
}

/**
 * A real project directory in the temp folder (config, content-types/, lockfile, .catalyst/)
 * with one remote target, and the CLI run in it as a child process with the target's
 * credentials in the environment, as a user or a CI job would run it.
 */
export class ScenarioProject {
  private constructor(
    readonly dir: string,
    private readonly env: Record<string, string | undefined>,
  ) {}

  static async create(options: ScenarioProjectOptions): Promise<ScenarioProject> {
    const dir = await mkdtemp(join(tmpdir(), 'catalyst-scenario-'));
    const name = options.targetName ?? 'cms';
    const targets = { [name]: { platform: 'optimizely', apiVersion: 'v1', url: options.apiUrl }, ...options.extraTargets };
    const config = {
      contentTypesDir: 'content-types',
      lockfile: 'catalyst.lock.json',
      mode: 'push',
      strategy: 'manual',
      defaultTarget: name,
      targets,
    };
    await writeFile(join(dir, 'catalyst.config.json'), `${JSON.stringify(config, null, 2)}\n`);
    await mkdir(join(dir, 'content-types'));
    return new ScenarioProject(dir, {
      OPTIMIZELY_CMS_CLIENT_ID: options.clientId ?? DEMO_CLIENT_ID,
      OPTIMIZELY_CMS_CLIENT_SECRET: options.clientSecret ?? DEMO_CLIENT_SECRET,
      OPTIMIZELY_CMS_API_URL: undefined,
      CATALYST_ACTOR: SCENARIO_ACTOR,
      CI: undefined,
      GITHUB_ACTIONS: undefined,
    });
  }

  /** Runs `catalyst <args>` in the project directory. */
  run(args: string[], env: Record<string, string | undefined> = {}, onSpawn?: RunCliOptions['onSpawn']): Promise<CliResult> {
    return runCli(args, { cwd: this.dir, env: { ...this.env, ...env }, ...(onSpawn ? { onSpawn } : {}) });
  }

  /** Runs `catalyst <args>` in the project directory, inside the test process (test/helpers/run-in-process.ts). */
  runInProcess(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
    return runInProcess(args, { cwd: this.dir, env: { ...this.env, ...env } });
  }

  /** Writes files (paths relative to the project), creating folders. */
  async write(files: Record<string, string>): Promise<void> {
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(this.dir, path)), { recursive: true });
      await writeFile(join(this.dir, path), text);
    }
  }

  /** Makes content-types/ hold exactly these files (names relative to content-types/). */
  async setContentTypes(files: Record<string, string>): Promise<void> {
    await rm(join(this.dir, 'content-types'), { recursive: true, force: true });
    await mkdir(join(this.dir, 'content-types'));
    await this.write(Object.fromEntries(Object.entries(files).map(([name, text]) => [`content-types/${name}`, text])));
  }

  /** Rewrites a file; throws when `change` leaves it as it was, so a typo cannot make a test vacuous. */
  async edit(path: string, change: (text: string) => string): Promise<void> {
    const before = await this.read(path);
    if (before === undefined) throw new Error(`${path} does not exist in the scenario project`);
    const after = change(before);
    if (after === before) throw new Error(`The edit left ${path} unchanged`);
    await writeFile(join(this.dir, path), after);
  }

  async read(path: string): Promise<string | undefined> {
    return readFile(join(this.dir, path), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
  }

  async lockText(): Promise<string | undefined> {
    return this.read('catalyst.lock.json');
  }

  async lock(): Promise<Lockfile | undefined> {
    const text = await this.lockText();
    return text === undefined ? undefined : (JSON.parse(text) as Lockfile);
  }

  /** What the lockfile records for a target (empty when there is no lockfile). */
  async locked(target = 'cms'): Promise<ReturnType<typeof lockedTarget>> {
    return lockedTarget((await this.lock()) ?? emptyLockfile(), target);
  }

  /** The keys the lockfile records for a target, sorted. */
  async lockedKeys(target = 'cms'): Promise<{ contentTypes: string[]; propertyGroups: string[] }> {
    const section = await this.locked(target);
    return { contentTypes: Object.keys(section.contentTypes).sort(), propertyGroups: Object.keys(section.propertyGroups).sort() };
  }

  /** The records of a target's history, `catalyst.history/<target>.jsonl`. */
  async history(target = 'cms'): Promise<HistoryRecord[]> {
    const text = (await this.read(`catalyst.history/${target}.jsonl`)) ?? '';
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as HistoryRecord);
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
