import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPTIMIZELY_BUILT_IN_GROUPS } from '../../../src/adapters/optimizely/profile.js';
import { Api, PREFIX } from '../../emulator/helpers/api.js';
import { CORPUS_DIALECTS, type CorpusDialect } from '../../helpers/corpus-dialects.js';
import { CORPUS_DIR } from '../../helpers/shared-data.js';

/** Types every Optimizely instance has: a project that defines one changes it instead of creating it. */
export const BUILT_IN_TYPES: ReadonlySet<string> = new Set(['BlankExperience', 'BlankSection']);

/**
 * Types a file references but does not hold, because its repository never pulled them. A CMS
 * holding the file's types holds these too (a component property names an existing component
 * type), so they are loaded first, from the project they came from. d-es-ign "started from the
 * Optimizely demo" (corpus README), whose PageSeoSettings its SEO properties name.
 */
export const BORROWED_TYPES: Readonly<Record<string, ReadonlyArray<{ from: string; key: string }>>> = {
  'd-es-ign__optimizely-saas.json': [{ from: 'episerver__cms-saas-vercel-demo.json', key: 'PageSeoSettings' }],
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
 * as the project's own tooling would have: property groups (the file's, then the ones its
 * properties name without declaring), borrowed types, content types, display templates. preview2
 * creates with PUT (its only create); the others with POST. Throws, naming every refused
 * resource, unless all are accepted.
 */
export async function loadCorpusFile(emulatorUrl: string, file: CorpusFile): Promise<void> {
  const api = new Api(emulatorUrl);
  const prefix = PREFIX[file.dialect];
  const listed = await api.get(`${prefix}/propertygroups`);
  if (listed.status !== 200) throw new Error(`Listing property groups failed: ${listed.status} ${listed.text}`);
  const existingGroups = (listed.json.items as Array<{ key: string }>).map((group) => group.key);
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
  for (const group of [...file.propertyGroups, ...undeclaredGroups(file, existingGroups)]) await write('propertygroups', group);
  for (const { from, key } of BORROWED_TYPES[file.name] ?? []) {
    const borrowed = readCorpusFile(from);
    if (borrowed.dialect !== file.dialect) throw new Error(`${key} is borrowed from ${from}, which is not written in ${file.dialect}.`);
    const type = borrowed.contentTypes.find((candidate) => candidate.key === key);
    if (!type) throw new Error(`${from} has no type ${key} to borrow.`);
    await write('contenttypes', type);
  }
  for (const type of file.contentTypes) await write('contenttypes', type);
  for (const template of file.displayTemplates) await write('displaytemplates', template);
  if (failures.length > 0) throw new Error(`The emulator refused parts of ${file.name}:\n${failures.join('\n')}`);
}

/**
 * Groups the file's properties are placed in that neither the file declares nor the platform
 * provides. Optimizely asks for property groups to exist before types reference them (docs:
 * "establish property groups before creating content types"), so the CMS these types came from
 * had them; the repositories just never kept them (d-es-ign's `_meta.groupsReferenced` lists
 * them). The emulator does not check group references (FIDELITY.md) and would hold the types
 * without their groups, a state the documented workflow does not produce. The display name is
 * the key with its first letter capitalised, the official CLI's default.
 */
export function undeclaredGroups(file: CorpusFile, existing: readonly string[]): CorpusResource[] {
  const known = new Set([...file.propertyGroups.map((group) => group.key), ...existing, ...OPTIMIZELY_BUILT_IN_GROUPS]);
  const named = new Set<string>();
  for (const type of file.contentTypes) {
    for (const property of Object.values((type.properties ?? {}) as Record<string, { group?: unknown }>)) {
      if (typeof property.group === 'string' && property.group !== '' && !known.has(property.group)) named.add(property.group);
    }
  }
  return [...named].sort().map((key) => ({ key, displayName: `${key.charAt(0).toUpperCase()}${key.slice(1)}` }));
}
