import type { ContentTypeDef, PropertyDef } from '../../../core/model.js';
import type { ImportedType, PropertySource } from '../map/imported-type.js';
import { isObject, type FieldsShape, type JsonObject, type ParsedContentTypeRow } from '../read/parse-content-type-row.js';
import { toCatalystField, type FieldWriteContext, type RelationshipNeed } from './to-catalyst-field.js';
import { compareCodeUnits } from '../../../core/compare-code-units.js';
import { deepEqual } from '../../../core/deep-equal.js';

export interface RowBuildInput {
  rowId: string;
  shape: FieldsShape;
  /** The row as stored now; absent for a row being created. */
  existing?: ParsedContentTypeRow;
  /** The import of the stored row (its sources say which field each property came from). */
  theirs?: ImportedType;
  desired: ContentTypeDef;
  /** Every desired type, for component properties (written as `object` fields). */
  desiredTypes: ReadonlyMap<string, ContentTypeDef>;
  /** Imports of the stored generated (nested) types, by key. */
  nestedTheirs: ReadonlyMap<string, ImportedType>;
  /** Content type id of a row key (existing rows and rows being created). */
  rowIdOf(key: string): string | undefined;
  allowDestructive: boolean;
  newFieldId(name: string): string;
}

export interface RowBuildResult {
  /** The new `fields` JSON value: an array (Shape B) or the wrapper object (Shape A). */
  fields: unknown;
  /** Property paths removed from YAML whose field or relationship was kept (needs --allow-destructive). */
  keptRemovals: string[];
  /** Property paths that no Catalyst field can hold, with the reason. */
  unrepresentable: Array<{ path: string; why: string }>;
}

/**
 * The fields JSON of one row with the desired definition written into it, in the shape the row
 * already uses. Unchanged properties leave their stored field untouched; removed ones are only
 * dropped with `allowDestructive`; fields the importer could not map are kept as they are.
 */
export function buildCatalystRow(input: RowBuildInput): RowBuildResult {
  const keptRemovals: string[] = [];
  const unrepresentable: RowBuildResult['unrepresentable'] = [];
  const built = buildFieldList(
    input.desired,
    input.existing?.fields.map((field) => field.attributes) ?? [],
    input.theirs,
    input,
    '',
    keptRemovals,
    unrepresentable,
  );

  if (input.shape === 'array') {
    for (const { key, need } of built.relationships) {
      unrepresentable.push({
        path: `properties.${key}.allowedTypes`,
        why: `the target ${need.targetKey} needs a relationship, and this row stores a bare field list (Shape B), which has none`,
      });
    }
    return { fields: built.fields, keptRemovals, unrepresentable };
  }

  const relationships = [...(input.existing?.relationships.map((relationship) => structuredClone(relationship.attributes)) ?? [])];
  const byIndex = new Map<number, string>();
  for (const [key, source] of Object.entries(input.theirs?.sources ?? {})) {
    if (source.kind === 'relationship') byIndex.set(source.relationshipIndex, key);
  }
  const wanted = new Map(built.relationships.map((entry) => [entry.key, entry]));
  const kept: JsonObject[] = [];
  relationships.forEach((relationship, index) => {
    const key = byIndex.get(index);
    if (key === undefined) return kept.push(relationship);
    const want = wanted.get(key);
    if (!want) {
      if (input.desired.properties[key] || input.allowDestructive) return undefined;
      keptRemovals.push(`properties.${key}`);
      return kept.push(relationship);
    }
    wanted.delete(key);
    return kept.push(writeRelationship(relationship, want, input));
  });
  for (const want of wanted.values()) {
    kept.push(writeRelationship({ id: `${input.rowId}_${want.key}`, name: want.fieldName }, want, input));
  }
  const members: JsonObject = {
    ...(input.existing?.wrapper ?? { name: input.desired.displayName }),
    fields: built.fields,
    relationships: kept,
  };
  if (typeof members.name === 'string') members.name = input.desired.displayName;
  if (input.desired.description !== undefined) members.description = input.desired.description;
  else delete members.description;
  // Stored member order is kept; a member the row did not have goes last, as the app's update does.
  const order = [...(input.existing?.memberOrder ?? ['name', 'fields', 'relationships']), ...Object.keys(members)];
  const fields: JsonObject = {};
  for (const member of order) if (member in members && !(member in fields)) fields[member] = members[member];
  return { fields, keptRemovals, unrepresentable };
}

interface BuiltFields {
  fields: JsonObject[];
  relationships: Array<{ key: string; fieldName: string; need: RelationshipNeed }>;
}

function buildFieldList(
  desired: ContentTypeDef,
  stored: readonly JsonObject[],
  theirs: ImportedType | undefined,
  input: RowBuildInput,
  prefix: string,
  keptRemovals: string[],
  unrepresentable: RowBuildResult['unrepresentable'],
): BuiltFields {
  const keyOfField = new Map<number, string>();
  for (const [key, source] of Object.entries(theirs?.sources ?? {})) {
    if (source.kind === 'field') keyOfField.set(source.fieldIndex, key);
    if (source.kind === 'relationship' && source.fieldIndex !== undefined) keyOfField.set(source.fieldIndex, key);
  }
  const context: FieldWriteContext = {
    shape: input.shape,
    isRowKey: (key) => input.rowIdOf(key) !== undefined,
    newFieldId: input.newFieldId,
    nestedFields: (contentType, existingNested) => {
      const nestedDesired = input.desiredTypes.get(contentType);
      if (!nestedDesired) return undefined;
      const nestedStored = Array.isArray(existingNested) ? existingNested.filter(isObject) : [];
      return buildFieldList(
        nestedDesired,
        nestedStored,
        input.nestedTheirs.get(contentType),
        input,
        `${prefix}${contentType}.`,
        keptRemovals,
        unrepresentable,
      ).fields;
    },
  };
  const fields: JsonObject[] = [];
  const relationships: BuiltFields['relationships'] = [];
  const written = new Set<string>();
  const reorder = needsReorder(desired, theirs?.def);
  stored.forEach((attributes, index) => {
    const key = keyOfField.get(index);
    if (key === undefined) return fields.push(attributes);
    const property = desired.properties[key];
    written.add(key);
    if (!property) {
      if (input.allowDestructive) return undefined;
      keptRemovals.push(`${prefix}properties.${key}`);
      return fields.push(attributes);
    }
    const unchanged = theirs && same(theirs.def.properties[key], property) && nestedUnchanged(property, input);
    const name = String(attributes.name);
    const write = unchanged ? { field: attributes, relationship: undefined } : toCatalystField(name, property, attributes, context);
    if (write.unrepresentable) {
      unrepresentable.push({ path: `${prefix}properties.${key}`, why: write.unrepresentable });
      return fields.push(attributes);
    }
    if (write.relationship) relationships.push({ key, fieldName: name, need: write.relationship });
    else if (unchanged) relationshipOf(theirs.sources[key], key, property, relationships, name);
    return fields.push(withOrder(write.field ?? attributes, property, reorder));
  });
  const fresh = Object.entries(desired.properties)
    .filter(([key]) => !written.has(key))
    .sort(([a, pa], [b, pb]) => (pa.sortOrder ?? 0) - (pb.sortOrder ?? 0) || compareCodeUnits(a, b));
  for (const [key, property] of fresh) {
    const source = theirs?.sources[key];
    if (source?.kind === 'relationship' && source.fieldIndex === undefined && input.shape === 'wrapper') {
      const before = relationships.length;
      relationshipOf(source, key, property, relationships, source.fieldName ?? key);
      if (relationships.length > before) continue;
    }
    const write = toCatalystField(key, property, undefined, context);
    if (write.unrepresentable) {
      unrepresentable.push({ path: `${prefix}properties.${key}`, why: write.unrepresentable });
      continue;
    }
    if (write.relationship)
      relationships.push({
        key,
        fieldName: source?.kind === 'relationship' && source.fieldName ? source.fieldName : key,
        need: write.relationship,
      });
    if (write.field) fields.push(withOrder(write.field, property, reorder || input.shape === 'wrapper'));
  }
  return { fields, relationships };
}

/** An unchanged property keeps its relationship: report it as wanted so it is not dropped. */
function relationshipOf(
  source: PropertySource | undefined,
  key: string,
  property: PropertyDef,
  into: BuiltFields['relationships'],
  fieldName: string,
): void {
  if (source?.kind !== 'relationship') return;
  const toMany = property.type === 'array';
  const targetKey = (toMany ? property.items?.allowedTypes : property.allowedTypes)?.[0];
  if (targetKey) into.push({ key, fieldName, need: { targetKey, toMany, relationshipOnly: false } });
}

function writeRelationship(existing: JsonObject, want: BuiltFields['relationships'][number], input: RowBuildInput): JsonObject {
  const type = typeof existing.type === 'string' ? existing.type : undefined;
  const toManyTypes = ['oneToMany', 'manyToMany'];
  const keepsFamily =
    type !== undefined && toManyTypes.includes(type) === want.need.toMany && ['oneToOne', 'manyToOne', ...toManyTypes].includes(type);
  return {
    ...existing,
    name: typeof existing.name === 'string' ? existing.name : want.fieldName,
    type: keepsFamily ? type : want.need.toMany ? 'oneToMany' : 'manyToOne',
    sourceContentTypeId: input.rowId,
    targetContentTypeId: input.rowIdOf(want.need.targetKey),
    fieldName: want.fieldName,
    isRequired: input.desired.properties[want.key]?.required === true,
  };
}

/** Orders are rewritten only when the YAML's order differs from what the stored row gives. */
function needsReorder(desired: ContentTypeDef, theirs: ContentTypeDef | undefined): boolean {
  if (!theirs) return true;
  return Object.entries(desired.properties).some(
    ([key, property]) => theirs.properties[key] && theirs.properties[key]?.sortOrder !== property.sortOrder,
  );
}

function withOrder(field: JsonObject, property: PropertyDef, reorder: boolean): JsonObject {
  if (!reorder) return field;
  return { ...field, order: property.sortOrder ?? 0 };
}

function nestedUnchanged(property: PropertyDef, input: RowBuildInput): boolean {
  if (property.type !== 'component' || !property.contentType) return true;
  const desired = input.desiredTypes.get(property.contentType);
  const stored = input.nestedTheirs.get(property.contentType);
  return !!desired && !!stored && same(desired, stored.def);
}

function same(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return deepEqual(a, b);
}
