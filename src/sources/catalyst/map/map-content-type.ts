import type { Diagnostic } from '../../../core/diagnostic.js';
import type { PropertyDef } from '../../../core/model.js';
import type { ServerDefaults } from '../../../core/defaults.js';
import { normalizeContentType } from '../../../core/normalize.js';
import { assignSortOrders } from './assign-sort-orders.js';
import { CATALYST_CODES, quote, rowDiagnostic, type RowContext } from '../catalyst-diagnostics.js';
import type { ContentItemEvidence } from '../read/catalyst-rows.js';
import { decideBaseType, isCategory } from './decide-base-type.js';
import { pascalWords, toPropertyKey } from './derive-key.js';
import { FieldReader, type MappingNotes } from './field-reader.js';
import { buildHeader } from './build-header.js';
import type { CatalystOrigin, CatalystOverrides, ImportedType, PropertySource } from './imported-type.js';
import { mapField } from './map-field.js';
import { mapRelationships, type MappedProperty } from './map-relationships.js';
import type { ParsedContentTypeRow, RawField, RawRelationship } from '../read/parse-content-type-row.js';
import { deepEqual } from '../../../core/deep-equal.js';

export interface TypeMappingEnv {
  context: RowContext;
  diagnostics: Diagnostic[];
  overrides: CatalystOverrides;
  evidence: ContentItemEvidence | undefined;
  /** The target platform's defaults, which normalization removes. */
  defaults: ServerDefaults;
  resolveTarget(contentTypeId: string): { key: string; imported: boolean } | undefined;
  /**
   * The key of the component type generated for an object field: the one recorded for `identity`
   * (`<ParentKey>.<fieldName>`) by an earlier import, else the candidate made unique.
   */
  nestedKey(identity: string, candidate: string): string;
}

/** Whether a wrapper or settings member was carried into the type (the rest is noted as lost). */
function isUsed(source: 'fields' | 'settings', member: string, value: unknown, description: string | undefined): boolean {
  if (member === 'name') return source === 'fields';
  if (member === 'description') return value === description;
  if (member === 'category') return isCategory(value);
  return false;
}

/**
 * Maps one parsed row to its content type, plus one generated `_component` type per `object`
 * field (nested objects recurse). Field-level errors leave the field out and are listed in the
 * header; the rest of the type is still imported.
 */
export function mapContentType(parsed: ParsedContentTypeRow, key: string, env: TypeMappingEnv): ImportedType[] {
  const { row, website } = env.context;
  const origin: CatalystOrigin = {
    websiteId: row.websiteId,
    websiteName: website?.name ?? row.websiteId,
    contentTypeId: row.id,
    contentTypeName: row.name,
    updatedAt: row.updatedAt,
    shape: parsed.shape,
  };
  const notes: MappingNotes = { decisions: [], lost: [] };
  const typeLevel = readTypeLevel(parsed, env, notes);
  const base = decideBaseType({
    override: env.overrides.baseTypes[key],
    categoryColumn: row.category,
    settingsCategory: parsed.settings.category,
    fieldNames: parsed.fields.map((field) => field.name),
    itemCount: env.evidence?.itemCount ?? 0,
    itemsWithSlug: env.evidence?.itemsWithSlug ?? 0,
  });
  const built = buildType(
    { key, displayName: row.name, fields: parsed.fields, relationships: parsed.relationships, origin, samples: env.evidence?.numbers },
    env,
    notes,
  );
  const def = normalizeContentType(
    { key, baseType: base.baseType, displayName: row.name, description: typeLevel.description, properties: built.properties },
    env.defaults,
  );
  const header = buildHeader({ origin, baseType: `${base.baseType}: ${base.reason}`, key, notes, skipped: built.skipped });
  return [{ def, origin, header, sources: built.sources, skipped: built.skipped }, ...built.nested];
}

interface TypeSpec {
  key: string;
  displayName: string;
  fields: readonly RawField[];
  relationships: readonly RawRelationship[];
  origin: CatalystOrigin;
  samples: Record<string, number[]> | undefined;
}

function buildType(spec: TypeSpec, env: TypeMappingEnv, notes: MappingNotes) {
  const mapped = new Map<string, MappedProperty>();
  const nested: ImportedType[] = [];
  const skipped: string[] = [];
  const { sortOrders, note } = assignSortOrders(spec.fields);
  if (note) notes.decisions.push(note);
  for (const field of spec.fields) {
    const key = propertyKeyFor(field, mapped, env.context, env.diagnostics);
    const reader = new FieldReader(field.attributes, field.name, env.context, env.diagnostics, notes);
    const result = mapField(field, reader, {
      samples: spec.samples?.[field.name],
      numberOverride: env.overrides.numbers[`${spec.key}.${key}`],
    });
    if (!result) {
      skipped.push(`${field.name} (${field.type})`);
      continue;
    }
    const property: PropertyDef = { ...result.property, sortOrder: sortOrders.get(field.index) };
    if (result.nestedFields) {
      const nestedKey = env.nestedKey(`${spec.key}.${field.name}`, `${spec.key}${pascalWords(key)}`);
      property.contentType = nestedKey;
      nested.push(...buildNestedType(spec, field, result.nestedFields, nestedKey, env));
      notes.decisions.push(`${key}: object field → component type ${nestedKey} (generated)`);
    }
    mapped.set(key, {
      property,
      isReference: result.isReference,
      source: { kind: 'field', fieldIndex: field.index, fieldName: field.name },
    });
  }
  const maxSortOrder = Math.max(0, ...[...mapped.values()].map((entry) => entry.property.sortOrder ?? 0));
  mapRelationships(spec.relationships, mapped, maxSortOrder, {
    context: env.context,
    diagnostics: env.diagnostics,
    notes,
    resolveTarget: env.resolveTarget,
  });
  const properties: Record<string, PropertyDef> = {};
  const sources: Record<string, PropertySource> = {};
  for (const [key, entry] of mapped) {
    properties[key] = entry.property;
    sources[key] = entry.source;
    if (entry.isReference && entry.source.kind === 'field' && !entry.property.allowedTypes) {
      notes.decisions.push(`${key}: reference without a relationship, so any content type may be referenced`);
    }
  }
  return { properties, sources, nested, skipped };
}

function buildNestedType(parent: TypeSpec, field: RawField, fields: RawField[], key: string, env: TypeMappingEnv): ImportedType[] {
  const notes: MappingNotes = { decisions: [], lost: [] };
  const label =
    typeof field.attributes.label === 'string' && field.attributes.label !== '' ? field.attributes.label : pascalWords(field.name);
  const displayName = `${parent.displayName} ${label}`;
  const origin: CatalystOrigin = { ...parent.origin, nestedIn: { key: parent.key, field: field.name } };
  const built = buildType({ key, displayName, fields, relationships: [], origin, samples: undefined }, env, notes);
  const def = normalizeContentType({ key, baseType: '_component', displayName, properties: built.properties }, env.defaults);
  const header = buildHeader({
    origin,
    baseType: '_component: generated for an object field, used as a component property',
    key,
    notes,
    skipped: built.skipped,
  });
  return [{ def, origin, header, sources: built.sources, skipped: built.skipped }, ...built.nested];
}

function propertyKeyFor(field: RawField, taken: Map<string, unknown>, context: RowContext, diagnostics: Diagnostic[]): string {
  const derived = toPropertyKey(field.name) ?? `field${field.index + 1}`;
  if (derived !== field.name) {
    diagnostics.push(
      rowDiagnostic('warning', CATALYST_CODES.keyMadeValid, context, {
        summary: 'Field name is not a valid property key',
        field: field.name,
        detail: `"${field.name}" does not match ^[A-Za-z][_0-9A-Za-z]+$, so the property key is "${derived}". Rename the field in Catalyst Studio to choose the key yourself.`,
      }),
    );
  }
  let key = derived;
  for (let suffix = 2; taken.has(key); suffix += 1) key = `${derived}${suffix}`;
  if (key !== derived) {
    diagnostics.push(
      rowDiagnostic('warning', CATALYST_CODES.propertyKeyCollision, context, {
        summary: 'Two fields give the same property key',
        field: field.name,
        detail: `the key "${derived}" is already used by an earlier field of this type, so this field became "${key}". Rename one of the fields in Catalyst Studio.`,
      }),
    );
  }
  return key;
}

/** Type-level members: description is kept; everything else is noted as having no home. */
function readTypeLevel(parsed: ParsedContentTypeRow, env: TypeMappingEnv, notes: MappingNotes): { description?: string } {
  const { wrapper, settings } = parsed;
  const { row } = env.context;
  if (typeof wrapper.name === 'string' && wrapper.name !== row.name) {
    env.diagnostics.push(
      rowDiagnostic('warning', CATALYST_CODES.nameMismatch, env.context, {
        summary: 'Two names for one content type',
        detail: `the name column says "${row.name}" and the fields JSON says "${wrapper.name}"; the column (what Catalyst Studio lists) was used. Re-save the type in Catalyst Studio to make them agree.`,
      }),
    );
  }
  const description = [wrapper.description, settings.description].find(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  for (const [source, members] of [
    ['fields', wrapper],
    ['settings', settings],
  ] as const) {
    for (const [member, value] of Object.entries(members)) {
      if (value === null || value === undefined || value === '') continue;
      if (isUsed(source, member, value, description)) continue;
      if (source === 'settings' && deepEqual(wrapper[member], value)) continue;
      const why =
        member === 'displayName'
          ? 'a plural label; displayName comes from the name column'
          : member === 'category'
            ? 'a website category, not a base type'
            : undefined;
      notes.lost.push(`${source}.${member} ${quote(value)}${why ? ` (${why})` : ''}`);
      env.diagnostics.push(
        rowDiagnostic('warning', CATALYST_CODES.noOptimizelyHome, env.context, {
          summary: `${source}.${member} has no Optimizely equivalent`,
          detail: `${source}.${member} ${quote(value)} has no place in an Optimizely content type${why ? ` (${why})` : ''}; it is noted in the YAML header and stays in Catalyst Studio.`,
        }),
      );
    }
  }
  return { description };
}
