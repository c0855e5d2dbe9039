import type { ServerDefaults } from '../../../core/defaults.js';
import type { ContentTypeDef } from '../../../core/model.js';
import type { CatalystSnapshot } from '../read/catalyst-rows.js';
import type { JsonObject } from '../read/parse-content-type-row.js';
import { parseContentTypeRow } from '../read/parse-content-type-row.js';
import { mapContentType } from '../map/map-content-type.js';
import { NO_OVERRIDES } from '../map/imported-type.js';
import { changedPaths } from '../import/plan-reimport.js';
import type { CatalystRowValues } from './plan-catalyst-export.js';

export interface VerifyInput {
  row: CatalystRowValues;
  settings: JsonObject;
  snapshot: CatalystSnapshot;
  desired: ContentTypeDef;
  desiredTypes: ReadonlyMap<string, ContentTypeDef>;
  rowIdOf(key: string): string | undefined;
  knownKeys: ReadonlyMap<string, string>;
  keyOfRow: string;
  defaults: ServerDefaults;
}

/**
 * Imports a row as it is about to be written and compares the result with the desired YAML:
 * the paths that differ are what Catalyst Studio cannot hold. The nested (generated) types of
 * `object` fields are compared with the desired component types they stand for.
 */
export function verifyCatalystRow(input: VerifyInput): { differences: string[]; baseTypeDiffers: boolean } {
  const { row } = input;
  const context = {
    website: input.snapshot.websites.find((site) => site.id === row.websiteId),
    row: {
      id: row.id,
      websiteId: row.websiteId,
      name: row.name,
      fieldsJson: row.fieldsJson,
      settingsJson: JSON.stringify(input.settings),
      category: null,
      createdAt: null,
      updatedAt: null,
    },
  };
  const parsed = parseContentTypeRow(context).parsed;
  if (!parsed) return { differences: ['fields'], baseTypeDiffers: false };
  const keyById = new Map<string, string>();
  for (const key of [input.keyOfRow, ...input.desiredTypes.keys()]) {
    const id = input.rowIdOf(key);
    if (id !== undefined) keyById.set(id, key);
  }
  const nestedKeys = nestedIdentities(input.desired, input.desiredTypes);
  const types = mapContentType(parsed, input.keyOfRow, {
    context,
    diagnostics: [],
    overrides: NO_OVERRIDES,
    evidence: input.snapshot.evidence[row.id],
    defaults: input.defaults,
    resolveTarget: (id) => {
      const key = keyById.get(id);
      return key === undefined ? undefined : { key, imported: true };
    },
    nestedKey: (identity, candidate) => nestedKeys.get(identity) ?? input.knownKeys.get(identity) ?? candidate,
  });
  const differences: string[] = [];
  let baseTypeDiffers = false;
  for (const type of types) {
    const desired = type.def.key === input.keyOfRow ? input.desired : input.desiredTypes.get(type.def.key);
    if (!desired) continue;
    const prefix = type.def.key === input.keyOfRow ? '' : `${type.def.key}.`;
    for (const path of changedPaths(desired, type.def)) {
      if (path === 'baseType' && !prefix) baseTypeDiffers = true;
      differences.push(`${prefix}${path}`);
    }
  }
  return { differences, baseTypeDiffers };
}

/** `<TypeKey>.<field>` → the component type a desired component property names, through every level. */
function nestedIdentities(
  def: ContentTypeDef,
  all: ReadonlyMap<string, ContentTypeDef>,
  into = new Map<string, string>(),
  seen = new Set<string>(),
): Map<string, string> {
  if (seen.has(def.key)) return into;
  seen.add(def.key);
  for (const [key, property] of Object.entries(def.properties)) {
    if (property.type !== 'component' || !property.contentType) continue;
    into.set(`${def.key}.${key}`, property.contentType);
    const nested = all.get(property.contentType);
    if (nested) nestedIdentities(nested, all, into, seen);
  }
  return into;
}
