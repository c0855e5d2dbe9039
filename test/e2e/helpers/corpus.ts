import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPTIMIZELY_BUILT_IN_GROUPS } from '../../../src/adapters/optimizely/profile.js';
import { Api, PREFIX } from '../../emulator/helpers/api.js';
import { CORPUS_DIALECTS, type CorpusDialect } from '../../helpers/corpus-dialects.js';
import { CORPUS_DIR } from '../../helpers/shared-data.js';

/** Types every Optimizely instance has: a project that defines one changes it instead of creating it. */
export const BUILT_IN_TYPES: ReadonlySet<string> = new Set(['BlankExperience', 'BlankSection']);

/**
 * Types a file references but neither holds nor finds on the platform, because its repository
 * never pulled them: d-es-ign "started from the Optimizely demo" (corpus README), whose
 * PageSeoSettings its SEO properties name. The platform stores such a reference as written.
 */
export const UNDEFINED_REFERENCES: Readonly<Record<string, readonly string[]>> = {
  'd-es-ign__optimizely-saas.json': ['PageSeoSettings'],
};

/** A content type, property group or display template as a corpus file holds it: the API's JSON. */
export type CorpusResource = Record<string, unknown> & { key: string };

export interface CorpusFile {
  name: string;
  dialect: CorpusDialect;
  contentTypes: CorpusResource[];
  propertyGroups: CorpusResource[];
  displayTemplates: CorpusResource[];
}

/** Every corpus file name, sorted. */
export function corpusFileNames(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

export function readCorpusFile(name: string): CorpusFile {
  const dialect = CORPUS_DIALECTS[name];
  if (dialect === undefined) throw new Error(`No dialect is known for corpus file ${name}: add it to CORPUS_DIALECTS.`);
  const data = JSON.parse(readFileSync(join(CORPUS_DIR, name), 'utf8')) as Partial<CorpusFile>;
  return {
    name,
    dialect,
    contentTypes: data.contentTypes ?? [],
    propertyGroups: data.propertyGroups ?? [],
    displayTemplates: data.displayTemplates ?? [],
  };
}

/**
 * Loads a corpus file into a running emulator through the HTTP API of the file's own dialect,
 * exactly as it is: its property groups, content types and display templates, and nothing it
 * lacks (groups its properties name without declaring them, types it references without
 * holding them), for the platform accepts those. preview2 creates with PUT (its only create); the
 * others with POST. Throws, naming every refused resource, unless all are accepted.
 */
export async function loadCorpusFile(emulatorUrl: string, file: CorpusFile): Promise<void> {
  const api = new Api(emulatorUrl);
  const prefix = PREFIX[file.dialect];
  const failures: string[] = [];
  const write = async (segment: string, resource: CorpusResource) => {
    let response =
      file.dialect === 'preview2'
        ? await api.put(`${prefix}/${segment}/${resource.key}`, resource)
        : await api.post(`${prefix}/${segment}`, resource);
    if (response.status === 409 && segment === 'contenttypes' && BUILT_IN_TYPES.has(resource.key)) {
      response = await api.patch(`${prefix}/${segment}/${resource.key}`, resource);
    }
    if (response.status >= 300) failures.push(`${segment}/${resource.key}: ${response.status} ${response.text}`);
  };
  for (const group of file.propertyGroups) await write('propertygroups', group);
  for (const type of file.contentTypes) await write('contenttypes', type);
  for (const template of file.displayTemplates) await write('displaytemplates', template);
  if (failures.length > 0) throw new Error(`The emulator refused parts of ${file.name}:\n${failures.join('\n')}`);
}

/**
 * Groups the file's properties are placed in that neither the file declares nor the platform
 * provides. The repositories never kept them (d-es-ign's `_meta.groupsReferenced` lists them);
 * the platform stores the names as written, and catalyst warns (V015) rather than refuses.
 */
export function undeclaredGroups(file: CorpusFile, existing: readonly string[]): string[] {
  const known = new Set([...file.propertyGroups.map((group) => group.key), ...existing, ...OPTIMIZELY_BUILT_IN_GROUPS]);
  const named = new Set<string>();
  for (const type of file.contentTypes) {
    for (const property of Object.values((type.properties ?? {}) as Record<string, { group?: unknown }>)) {
      if (typeof property.group === 'string' && property.group !== '' && !known.has(property.group)) named.add(property.group);
    }
  }
  return [...named].sort();
}
