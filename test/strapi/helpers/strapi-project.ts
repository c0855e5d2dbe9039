import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess } from '../../helpers/run-in-process.js';
import type { CliResult } from '../../helpers/run-cli.js';
import type { StrapiServer } from './strapi-server.js';

/**
 * A catalyst project in the temp folder with one `platform: strapi` target named `cms`, its URL
 * and admin credentials in the environment (never in the config), and the CLI run in it.
 */
export class StrapiProject {
  private constructor(
    readonly dir: string,
    private readonly env: Record<string, string | undefined>,
  ) {}

  static async create(server: StrapiServer): Promise<StrapiProject> {
    const dir = await mkdtemp(join(tmpdir(), 'catalyst-strapi-project-'));
    const config = { mode: 'push', strategy: 'manual', targets: { cms: { platform: 'strapi' } } };
    await writeFile(join(dir, 'catalyst.config.json'), `${JSON.stringify(config, null, 2)}\n`);
    await mkdir(join(dir, 'content-types'));
    return new StrapiProject(dir, {
      STRAPI_URL: server.url,
      STRAPI_ADMIN_EMAIL: server.email,
      STRAPI_ADMIN_PASSWORD: server.password,
      CATALYST_ACTOR: 'strapi-tests',
      CI: undefined,
      GITHUB_ACTIONS: undefined,
    });
  }

  run(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
    return runInProcess(args, { cwd: this.dir, env: { ...this.env, ...env } });
  }

  /** Makes content-types/ hold exactly these files. */
  async setContentTypes(files: Record<string, string>): Promise<void> {
    await rm(join(this.dir, 'content-types'), { recursive: true, force: true });
    await mkdir(join(this.dir, 'content-types'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(this.dir, 'content-types', name), text);
  }

  async read(path: string): Promise<string> {
    return readFile(join(this.dir, path), 'utf8');
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
