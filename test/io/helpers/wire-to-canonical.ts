import { OPTIMIZELY_DEFAULTS } from '../../../src/adapters/optimizely/profile.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AccessRight, BaseType, ContentTypeDef, EnumValue, ItemDef, PropertyDef, PropertyGroupDef } from '../../../src/core/model.js';
import { normalizeContentType, normalizePropertyGroup } from '../../../src/core/normalize.js';
import { CORPUS_DIR } from '../../helpers/shared-data.js';

/** The shared corpus of real Optimizely content types (v1, preview3 and preview2 spellings). */
export { CORPUS_DIR };

type Wire = Record<string, unknown>;

export interface CorpusFile {
  name: string;
  contentTypes: ContentTypeDef[];
  propertyGroups: PropertyGroupDef[];
}

/** Every corpus file mapped to canonical definitions (a test-only mapper; the adapter has its own). */
export function loadCorpus(): CorpusFile[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const json = JSON.parse(readFileSync(join(CORPUS_DIR, name), 'utf8')) as { contentTypes: Wire[]; propertyGroups?: Wire[] };
      return {
        name,
        contentTypes: json.contentTypes.map(wireToCanonical),
        propertyGroups: (json.propertyGroups ?? []).map((group) =>
          normalizePropertyGroup(
            {
              key: String(group.key),
              displayName: String(group.displayName ?? group.key),
              sortOrder: group.sortOrder as number | undefined,
            },
            OPTIMIZELY_DEFAULTS,
          ),
        ),
      };
    });
}

export function wireToCanonical(wire: Wire): ContentTypeDef {
  const isContract = wire.isContract === true;
  const properties: Record<string, PropertyDef> = {};
  for (const [key, property] of Object.entries((wire.properties ?? {}) as Record<string, Wire>)) {
    properties[key] = wireProperty(property);
  }
  return normalizeContentType(
    {
      key: String(wire.key),
      baseType: isContract ? null : baseType(wire.baseType),
      isContract,
      displayName: String(wire.displayName ?? wire.key),
      description: wire.description as string | undefined,
      sortOrder: wire.sortOrder as number | undefined,
      mayContainTypes: wire.mayContainTypes as string[] | undefined,
      mediaFileExtensions: wire.mediaFileExtensions as string[] | undefined,
      compositionBehaviors: wire.compositionBehaviors as ContentTypeDef['compositionBehaviors'],
      contracts: wire.contracts as string[] | undefined,
      accessRights: wire.accessRights as AccessRight[] | undefined,
      properties,
    },
    OPTIMIZELY_DEFAULTS,
  );
}

function baseType(value: unknown): BaseType {
  const text = String(value);
  return (text.startsWith('_') ? text : `_${text}`) as BaseType;
}

function wireProperty(wire: Wire): PropertyDef {
  return {
    ...constraints(wire),
    type: wire.type as PropertyDef['type'],
    displayName: wire.displayName as string | undefined,
    description: wire.description as string | undefined,
    required: (wire.isRequired ?? wire.required) as boolean | undefined,
    localized: (wire.isLocalized ?? wire.localized) as boolean | undefined,
    group: wire.group as string | undefined,
    sortOrder: wire.sortOrder as number | undefined,
    indexingType: wire.indexingType as PropertyDef['indexingType'],
    displayMode: wire.displayMode as PropertyDef['displayMode'],
    items: wire.items ? ({ ...constraints(wire.items as Wire), type: (wire.items as Wire).type } as ItemDef) : undefined,
    minItems: wire.minItems as number | undefined,
    maxItems: wire.maxItems as number | undefined,
    imageDescriptor: wire.imageDescriptor as PropertyDef['imageDescriptor'],
  };
}

function constraints(wire: Wire) {
  return {
    format: wire.format as string | undefined,
    contentType: wire.contentType as string | undefined,
    minimum: wire.minimum as number | string | undefined,
    maximum: wire.maximum as number | string | undefined,
    enum: wireEnum(wire.enum),
    minLength: wire.minLength as number | undefined,
    maxLength: wire.maxLength as number | undefined,
    pattern: wire.pattern as string | undefined,
    allowedTypes: wire.allowedTypes as string[] | undefined,
    restrictedTypes: wire.restrictedTypes as string[] | undefined,
    editorSettings: wire.editorSettings as Record<string, unknown> | undefined,
  };
}

function wireEnum(value: unknown): EnumValue[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : (value as { values: unknown }).values;
  if (Array.isArray(list))
    return list.map((entry: Wire) => ({ value: entry.value as string | number, displayName: String(entry.displayName ?? entry.value) }));
  return Object.entries(list as Record<string, string>).map(([value, displayName]) => ({ value, displayName }));
}
