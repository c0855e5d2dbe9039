import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ContentTypeDef } from '../core/model.js';
import { UserError } from '../core/user-error.js';
import { CONFIG_FILE_NAMES } from '../io/config/read-config-file.js';
import { schemaValidator } from '../io/schema/schema-validator.js';
import { writeContentTypeFiles } from '../io/yaml/write-content-type-files.js';
import { PLATFORM_PROFILES } from './platforms.js';
import { CONFIG_SCHEMA_PATH, CONTENT_TYPE_SCHEMA_PATH } from './schema-location.js';

export interface InitInput {
  /** The project folder: the config goes here. */
  cwd: string;
  contentTypesDir: string;
  target: { name: string; url: string; apiVersion: string };
}

export interface InitResult {
  /** Paths relative to `cwd`, `/`-separated, in the order written. */
  written: string[];
  /** Why no example type was written, when none was. */
  exampleSkipped?: string;
  gitignore: 'created' | 'added' | 'present';
}

export const CONFIG_FILE = 'catalyst.config.json';

/** The one example type a new project starts with. */
const EXAMPLE: ContentTypeDef = {
  key: 'ArticlePage',
  baseType: '_page',
  displayName: 'Article page',
  description: 'An example written by catalyst init: a page with a title and a body.',
  properties: {
    title: { type: 'string', displayName: 'Title', required: true, maxLength: 120 },
    body: { type: 'richText', displayName: 'Body' },
  },
};

const IGNORED = '.catalyst/';

/**
 * Starts a catalyst project in `cwd`: a config with one target, the content types folder with an
 * example type whose editor line points at the installed package's schema, and `.catalyst/`
 * (local state) in `.gitignore`. Never overwrites: an existing config stops it before anything is
 * written, and a content types folder that already holds YAML gets no example.
 */
export async function initProject(input: InitInput): Promise<InitResult> {
  const { cwd } = input;
  const existing = CONFIG_FILE_NAMES.filter((name) => existsSync(join(cwd, name)));
  if (existing.length > 0)
    throw new UserError(
      'A catalyst config already exists',
      `${existing.join(', ')} is already here, and init never overwrites. Edit it instead, or run init in another folder.`,
    );
  const config = {
    $schema: relativeTo(cwd, CONFIG_SCHEMA_PATH),
    contentTypesDir: input.contentTypesDir,
    targets: { [input.target.name]: { platform: 'optimizely', apiVersion: input.target.apiVersion, url: input.target.url } },
  };
  checkConfig(config);
  const dir = resolve(cwd, input.contentTypesDir);
  if (!isInside(cwd, dir))
    throw new UserError(
      'Content types folder outside the project',
      `${input.contentTypesDir} is not inside ${cwd}. Choose a folder inside the project.`,
    );

  const written: string[] = [];
  const yamlFiles = existsSync(dir) ? (await readdir(dir, { recursive: true })).filter((name) => /\.ya?ml$/i.test(name)) : [];
  let exampleSkipped: string | undefined;
  if (yamlFiles.length > 0) {
    exampleSkipped = `${input.contentTypesDir} already holds ${yamlFiles.length} YAML file${yamlFiles.length === 1 ? '' : 's'}`;
  } else {
    const files = await writeContentTypeFiles(dir, [EXAMPLE], {
      cwd,
      schema: CONTENT_TYPE_SCHEMA_PATH,
      defaults: PLATFORM_PROFILES.optimizely.defaults,
      headerComments: () => ['An example content type: edit it, rename it or delete it, then `catalyst plan`.'],
    });
    written.push(...files.map((file) => relative(cwd, file.path).split(sep).join('/')));
  }
  await writeFile(join(cwd, CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
  written.unshift(CONFIG_FILE);
  return { written, ...(exampleSkipped ? { exampleSkipped } : {}), gitignore: await ignoreLocalState(cwd) };
}

function checkConfig(config: object): void {
  const errors = schemaValidator('config.schema.json').validate(config);
  if (errors.length === 0) return;
  const problems = errors.map(
    (error) => `${error.instancePath.split('/').slice(1).join('.') || 'config'} ${error.message ?? 'is invalid'}`,
  );
  throw new UserError(
    'Invalid options for the config',
    `The config init would write is invalid: ${[...new Set(problems)].join('; ')}. A target name uses letters, digits, "_", "-" or "."; the url is an http(s) URL or "embedded"; the API version is one of ${PLATFORM_PROFILES.optimizely.apiVersions.join(', ')}.`,
  );
}

async function ignoreLocalState(cwd: string): Promise<InitResult['gitignore']> {
  const path = join(cwd, '.gitignore');
  const text = existsSync(path) ? await readFile(path, 'utf8') : undefined;
  const lines = (text ?? '').split(/\r?\n/).map((line) => line.trim());
  if (lines.some((line) => ['.catalyst', '.catalyst/', '/.catalyst', '/.catalyst/'].includes(line))) return 'present';
  const entry = `# catalyst's local state: the embedded emulator's data, backups, the apply history\n${IGNORED}\n`;
  await writeFile(path, text === undefined ? entry : `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${entry}`);
  return text === undefined ? 'created' : 'added';
}

function relativeTo(from: string, path: string): string {
  const shown = relative(from, path).split(sep).join('/');
  return shown.startsWith('.') ? shown : `./${shown}`;
}

function isInside(root: string, path: string): boolean {
  const shown = relative(root, path);
  return shown === '' || (!shown.startsWith('..') && !isAbsolute(shown));
}
