import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ServerDefaults } from '../../core/defaults.js';
import { assertNever } from '../../core/assert-never.js';
import type { ContentTypeDef, DisplayTemplateDef, PropertyGroupDef } from '../../core/model.js';
import { YAML_CODES } from '../diagnostic-codes.js';
import { writeTextAtomic, type WriteStatus } from '../fs/write-text-atomic.js';
import { formatContentTypeYaml, formatDisplayTemplatesYaml, formatPropertyGroupsYaml } from './format-content-type-yaml.js';
import { parseContentTypeFiles } from './parse-content-type-files.js';
import type { ParsedDocument } from './parse-content-type-text.js';
import { compareCodeUnits } from '../../core/compare-code-units.js';
import { InternalError } from '../../core/internal-error.js';
import { unsafeKeyReason } from '../../core/unsafe-key.js';
import { UserError } from '../../core/user-error.js';
import { pathInside } from '../fs/path-inside.js';

export interface WriteContentTypeFilesOptions {
  /** Property groups to write too: into the files that already define them, new ones into the first groups file or `property-groups.yaml`. */
  propertyGroups?: readonly PropertyGroupDef[];
  /** Display templates to write too, placed like property groups (`display-templates.yaml`). */
  displayTemplates?: readonly DisplayTemplateDef[];
  /** Comment lines at the top of each content type file, e.g. where it was imported from. */
  headerComments?: (def: ContentTypeDef) => readonly string[];
  /**
   * The content type JSON Schema for the editor line `# yaml-language-server: $schema=…`: a URL
   * (written as is) or a path (relative to `cwd`; each file gets the path relative to itself).
   * Omitted: no schema line.
   */
  schema?: string;
  cwd?: string;
  /** The target platform's defaults: members equal to them are left out. */
  defaults: ServerDefaults;
}

export interface WrittenFile {
  kind: ParsedDocument['kind'];
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
  options: WriteContentTypeFilesOptions,
): Promise<WrittenFile[]> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, dir);
  const { defaults } = options;
  refuseUnsafeKeys([...defs, ...(options.propertyGroups ?? []), ...(options.displayTemplates ?? [])]);
  const existing = await parseContentTypeFiles(root, { cwd: root, defaults });
  const unreadable = existing.diagnostics.filter(
    (diagnostic) => diagnostic.severity === 'error' && diagnostic.code !== YAML_CODES.missingDirectory,
  );
  if (unreadable.length > 0) {
    const files = [...new Set(unreadable.map((diagnostic) => diagnostic.location?.file))].join(', ');
    throw new InternalError(`asked to write content types into ${root}, whose YAML has errors (${files}); callers must check it first`);
  }
  const typeFiles = new Map<string, string>();
  const groupFiles: Array<Listed<PropertyGroupDef>> = [];
  const templateFiles: Array<Listed<DisplayTemplateDef>> = [];
  for (const document of existing.documents) {
    const path = join(root, document.file);
    switch (document.kind) {
      case 'contentTypeFile':
        typeFiles.set(document.contentType.key, path);
        break;
      case 'propertyGroupsFile':
        groupFiles.push({ path, entries: document.propertyGroups });
        break;
      case 'displayTemplatesFile':
        templateFiles.push({ path, entries: document.displayTemplates });
        break;
      default:
        assertNever(document, 'document');
    }
  }

  const taken = new Set([...typeFiles.values(), ...groupFiles.map((file) => file.path), ...templateFiles.map((file) => file.path)]);
  const written: WrittenFile[] = [];
  for (const def of [...defs].sort((a, b) => compareCodeUnits(a.key, b.key))) {
    const path = typeFiles.get(def.key) ?? freePath(root, def.key, taken);
    taken.add(path);
    const text = formatContentTypeYaml(def, {
      headerComments: options.headerComments?.(def),
      schemaPath: schemaReference(options.schema, cwd, path),
      defaults,
    });
    written.push({ kind: 'contentTypeFile', keys: [def.key], path, status: await writeTextAtomic(path, text) });
  }
  if (options.propertyGroups && options.propertyGroups.length > 0) {
    for (const [path, groups] of placeListed(groupFiles, options.propertyGroups, join(root, 'property-groups.yaml'))) {
      const text = formatPropertyGroupsYaml(groups, { schemaPath: schemaReference(options.schema, cwd, path), defaults });
      written.push({ kind: 'propertyGroupsFile', keys: groups.map((group) => group.key), path, status: await writeTextAtomic(path, text) });
    }
  }
  if (options.displayTemplates && options.displayTemplates.length > 0) {
    for (const [path, templates] of placeListed(templateFiles, options.displayTemplates, join(root, 'display-templates.yaml'))) {
      const text = formatDisplayTemplatesYaml(templates, { schemaPath: schemaReference(options.schema, cwd, path) });
      written.push({
        kind: 'displayTemplatesFile',
        keys: templates.map((template) => template.key),
        path,
        status: await writeTextAtomic(path, text),
      });
    }
  }
  return written;
}

/** A file that lists resources of one kind (property groups, display templates). */
interface Listed<T> {
  path: string;
  entries: readonly T[];
}

/** Entries per file: existing files keep their entries (updated where `entries` has them); new ones join the first file, or `fresh` when there is none. */
function placeListed<T extends { key: string }>(
  files: ReadonlyArray<Listed<T>>,
  entries: readonly T[],
  freshPath: string,
): Map<string, T[]> {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const placed = new Set<string>();
  const result = new Map<string, T[]>();
  for (const file of files) {
    result.set(
      file.path,
      file.entries.map((entry) => {
        placed.add(entry.key);
        return byKey.get(entry.key) ?? entry;
      }),
    );
  }
  const fresh = entries.filter((entry) => !placed.has(entry.key));
  if (fresh.length > 0) {
    const first = files[0]?.path ?? freshPath;
    result.set(first, [...(result.get(first) ?? []), ...fresh]);
  }
  return result;
}

/** `<Key>.yaml`, or `<Key>-<n>.yaml` when a file of that name already holds something else. */
function freePath(root: string, key: string, taken: ReadonlySet<string>): string {
  for (let n = 0; ; n++) {
    const path = pathInside(root, n === 0 ? `${key}.yaml` : `${key}-${n}.yaml`);
    if (!taken.has(path)) return path;
  }
}

/** Keys name files: one that breaks the rules of YAML keys (a path, `__proto__`) is refused before anything is written. */
function refuseUnsafeKeys(defs: ReadonlyArray<{ key: string }>): void {
  const unsafe = defs.flatMap((def) => {
    const reason = unsafeKeyReason(def.key);
    return reason ? [`"${def.key}" (${reason})`] : [];
  });
  if (unsafe.length === 0) return;
  throw new UserError(
    'Refused to write YAML for unsafe keys',
    `${unsafe.join(', ')} cannot be written as YAML: keys follow the rules of YAML keys, so that none names a file outside the content types directory. Nothing was written. Rename them at their source (the CMS), or leave them out.`,
  );
}

function schemaReference(schema: string | undefined, cwd: string, file: string): string | undefined {
  if (schema === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(schema)) return schema;
  const path = relative(dirname(file), resolve(cwd, schema)).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}
