import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { cosmiconfig, type Loader } from 'cosmiconfig';
import { createJiti } from 'jiti';
import { LineCounter } from 'yaml';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { SourceLocation } from '../../core/model.js';
import { CONFIG_CODES } from '../diagnostic-codes.js';
import { jsonErrorLocation } from '../fs/json-error-location.js';
import { createYamlLocator, type YamlLocator } from '../yaml/yaml-locator.js';
import { parseYamlDocument } from '../yaml/parse-yaml-document.js';
import { createTextLocator } from './text-locator.js';

/** Config file names, in the order they are looked for in the working directory. */
export const CONFIG_FILE_NAMES = [
  'catalyst.config.ts',
  'catalyst.config.mts',
  'catalyst.config.cts',
  'catalyst.config.js',
  'catalyst.config.mjs',
  'catalyst.config.cjs',
  'catalyst.config.json',
  'catalyst.config.yaml',
  'catalyst.config.yml',
  'package.json',
] as const;

export interface ConfigFileContent {
  path: string;
  /** The written configuration (not yet validated); `{}` for an empty file. */
  value: unknown;
  /** Locates paths of `value` in the file (for package.json, below its `catalyst` member). */
  locator: YamlLocator;
  /** Path of `value` inside the file's document. */
  prefix: string[];
}

/** A config file that cannot be read, parsed or run, as a diagnostic. */
export class ConfigLoadError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.detail);
    this.name = 'ConfigLoadError';
  }
}

/**
 * Finds (in `cwd` only, like terraform) and loads a config file with cosmiconfig: TypeScript and
 * JavaScript through jiti, JSON and YAML through parsers that report line and column.
 * Resolves undefined when there is none. Rejects with `ConfigLoadError` only.
 */
export async function readConfigFile(options: {
  cwd: string;
  path?: string;
  displayPath: (path: string) => string;
}): Promise<ConfigFileContent | undefined> {
  const show = options.displayPath;
  const jiti = createJiti(import.meta.url, { fsCache: false, moduleCache: false });
  const loadModule: Loader = async (path) => {
    let module: Record<string, unknown>;
    try {
      module = (await jiti.import(path)) as Record<string, unknown>;
    } catch (error) {
      const message = firstLine(error);
      const reason = /^(ParseError|SyntaxError):/.test(message)
        ? `it has a syntax error: ${message.replace(/^\w+:\s*/, '')}`
        : `running it failed: ${message}`;
      throw unloadable(path, show, reason, moduleErrorLocation(error, path, show(path)));
    }
    if (!Object.keys(module).includes('default')) {
      throw unloadable(path, show, 'it has no default export. Export the configuration as `export default { … }`');
    }
    return module.default ?? {};
  };
  const loadJson: Loader = (path, content) => {
    try {
      return JSON.parse(content) as unknown;
    } catch (error) {
      throw unloadable(path, show, `it is not valid JSON: ${firstLine(error)}`, jsonErrorLocation(error as Error, content, show(path)));
    }
  };
  const loadYaml: Loader = (path, content) => {
    const lineCounter = new LineCounter();
    const document = parseYamlDocument(content, lineCounter);
    const error = document.errors[0];
    if (error) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      throw unloadable(path, show, `it is not valid YAML: ${firstLine(error)}`, {
        file: show(path),
        line: Math.max(1, line),
        column: Math.max(1, col),
      });
    }
    return document.toJS() as unknown;
  };
  const explorer = cosmiconfig('catalyst', {
    searchPlaces: [...CONFIG_FILE_NAMES],
    searchStrategy: 'none',
    packageProp: 'catalyst',
    cache: false,
    loaders: {
      '.ts': loadModule,
      '.mts': loadModule,
      '.cts': loadModule,
      '.js': loadModule,
      '.mjs': loadModule,
      '.cjs': loadModule,
      '.json': loadJson,
      '.yaml': loadYaml,
      '.yml': loadYaml,
      noExt: loadYaml,
    },
  });
  let result: Awaited<ReturnType<typeof explorer.search>>;
  try {
    result =
      options.path !== undefined ? await explorer.load(options.path) : await searchUpwards(options.cwd, (dir) => explorer.search(dir));
  } catch (error) {
    if (error instanceof ConfigLoadError) throw error;
    const path = (error as { filepath?: string }).filepath ?? options.path ?? options.cwd;
    throw unloadable(path, show, firstLine(error));
  }
  if (!result) return undefined;
  const text = await readFile(result.filepath, 'utf8');
  const isPackage = basename(result.filepath) === 'package.json';
  const structured = ['.json', '.yaml', '.yml', ''].includes(extname(result.filepath));
  const locator = structured ? yamlLocator(text, show(result.filepath)) : createTextLocator(text, show(result.filepath));
  return { path: result.filepath, value: result.isEmpty ? {} : result.config, locator, prefix: isPackage ? ['catalyst'] : [] };
}

/**
 * The config of the project `cwd` is in, as git finds its repository: the working directory first,
 * then each parent, stopping after the repository root (a folder with `.git`) or the file system root.
 */
async function searchUpwards<T>(cwd: string, search: (dir: string) => Promise<T | null>): Promise<T | null> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = await search(dir);
    if (found) return found;
    if (dirname(dir) === dir || (await exists(join(dir, '.git')))) return null;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function yamlLocator(text: string, file: string): YamlLocator {
  const lineCounter = new LineCounter();
  return createYamlLocator(parseYamlDocument(text, lineCounter), lineCounter, file);
}

function unloadable(path: string, show: (path: string) => string, reason: string, location?: SourceLocation): ConfigLoadError {
  return new ConfigLoadError({
    code: CONFIG_CODES.unloadable,
    severity: 'error',
    summary: 'Config file cannot be loaded',
    detail: `catalyst could not load ${show(path)}: ${reason.replace(/\.$/, '')}. Fix the file, or point \`--config\` at another one.`,
    location: location ?? { file: show(path), line: 1, column: 1 },
  });
}

/** A syntax error's position from jiti's message, or the config file's frame in the stack. */
function moduleErrorLocation(error: unknown, path: string, file: string): SourceLocation | undefined {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const position = new RegExp(`${escaped}:(\\d+):(\\d+)`);
  const parse = position.exec((error as Error)?.message ?? '');
  if (parse) return { file, line: Number(parse[1]), column: Number(parse[2]) + 1 };
  const frame = position.exec((error as Error)?.stack ?? '');
  return frame ? { file, line: Number(frame[1]), column: Number(frame[2]) } : undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim();
}
