import { dirname, join, relative, resolve, sep } from 'node:path';
import { OPTIMIZELY_DEFAULTS, type ServerDefaults } from '../../core/defaults.js';
import type { ContentTypeDef, PropertyGroupDef } from '../../core/model.js';
import { YAML_CODES } from '../diagnostic-codes.js';
import { writeTextAtomic, type WriteStatus } from '../fs/write-text-atomic.js';
import { formatContentTypeYaml, formatPropertyGroupsYaml } from './format-content-type-yaml.js';
import { parseContentTypeFiles } from './parse-content-type-files.js';
import type { ParsedPropertyGroupsDocument } from './parse-content-type-text.js';

export interface WriteContentTypeFilesOptions {
  /** Property groups to write too: into the files that already define them, new ones into the first groups file or `property-groups.yaml`. */
  propertyGroups?: readonly PropertyGroupDef[];
  /** Comment lines at the top of each content type file, e.g. where it was imported from. */
  headerComments?: (def: ContentTypeDef) => readonly string[];
  /**
   * The content type JSON Schema for the editor line `# yaml-language-server: $schema=…`: a URL
   * (written as is) or a path (relative to `cwd`; each file gets the path relative to itself).
   * Omitted: no schema line.
   */
  schema?: string;
  cwd?: string;
  defaults?: ServerDefaults;
}

export interface WrittenFile {
  kind: 'contentType' | 'propertyGroups';
  /** The content type key; for property groups, the keys of the groups written. */
  keys: string[];
  /** Absolute path. */
  path: string;
  status: WriteStatus;
}

/**
 * Writes one YAML file per content type, atomically. A type already defined in a file below
 * `dir` is rewritten in that file (so people may arrange files in folders); a new one goes to
 * `<dir>/<Key>.yaml`. Rewriting replaces the whole file: comments in it are not kept.
 * Files whose content would not change are not touched. The YAML already below `dir` must parse
 * without errors (callers check it first and tell the user): a file that does not parse cannot be
 * matched to its type, so writing could replace it.
 */
export async function writeContentTypeFiles(
  dir: string,
  defs: readonly ContentTypeDef[],
  options: WriteContentTypeFilesOptions = {},
): Promise<WrittenFile[]> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, dir);
  const defaults = options.defaults ?? OPTIMIZELY_DEFAULTS;
  const existing = await parseContentTypeFiles(root, { cwd: root, defaults });
  const unreadable = existing.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' && diagnostic.code !== YAML_CODES.missingDirectory);
  if (unreadable.length > 0) {
    const files = [...new Set(unreadable.map((diagnostic) => diagnostic.location?.file))].join(', ');
    throw new Error(`Internal error: asked to write content types into ${root}, whose YAML has errors (${files}); callers must check it first. This is a bug in catalyst.`);
  }
  const typeFiles = new Map<string, string>();
  const groupDocuments: ParsedPropertyGroupsDocument[] = [];
  for (const document of existing.documents) {
    if (document.kind === 'contentType') typeFiles.set(document.contentType.key, join(root, document.file));
    else groupDocuments.push(document);
  }

  const taken = new Set([...typeFiles.values(), ...groupDocuments.map((document) => join(root, document.file))]);
  const written: WrittenFile[] = [];
  for (const def of [...defs].sort((a, b) => compare(a.key, b.key))) {
    const path = typeFiles.get(def.key) ?? freePath(root, def.key, taken);
    taken.add(path);
    const text = formatContentTypeYaml(def, {
      headerComments: options.headerComments?.(def),
      schemaPath: schemaReference(options.schema, cwd, path),
      defaults,
    });
    written.push({ kind: 'contentType', keys: [def.key], path, status: await writeTextAtomic(path, text) });
  }
  if (options.propertyGroups && options.propertyGroups.length > 0) {
    for (const [path, groups] of placeGroups(root, groupDocuments, options.propertyGroups)) {
      const text = formatPropertyGroupsYaml(groups, { schemaPath: schemaReference(options.schema, cwd, path), defaults });
      written.push({ kind: 'propertyGroups', keys: groups.map((group) => group.key), path, status: await writeTextAtomic(path, text) });
    }
  }
  return written;
}

/** Groups per file: existing files keep their groups (updated where `groups` has them); new groups join the first file. */
function placeGroups(root: string, documents: readonly ParsedPropertyGroupsDocument[], groups: readonly PropertyGroupDef[]): Map<string, PropertyGroupDef[]> {
  const byKey = new Map(groups.map((group) => [group.key, group]));
  const placed = new Set<string>();
  const files = new Map<string, PropertyGroupDef[]>();
  for (const document of documents) {
    const path = join(root, document.file);
    files.set(
      path,
      document.propertyGroups.map((group) => {
        placed.add(group.key);
        return byKey.get(group.key) ?? group;
      }),
    );
  }
  const fresh = groups.filter((group) => !placed.has(group.key));
  if (fresh.length > 0) {
    const first = documents[0] ? join(root, documents[0].file) : join(root, 'property-groups.yaml');
    files.set(first, [...(files.get(first) ?? []), ...fresh]);
  }
  return files;
}

/** `<Key>.yaml`, or `<Key>-<n>.yaml` when a file of that name already holds something else. */
function freePath(root: string, key: string, taken: ReadonlySet<string>): string {
  for (let n = 0; ; n++) {
    const path = join(root, n === 0 ? `${key}.yaml` : `${key}-${n}.yaml`);
    if (!taken.has(path)) return path;
  }
}

function schemaReference(schema: string | undefined, cwd: string, file: string): string | undefined {
  if (schema === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(schema)) return schema;
  const path = relative(dirname(file), resolve(cwd, schema)).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
