import { compareCodeUnits } from '../../../core/compare-code-units.js';
import { deepEqual } from '../../../core/deep-equal.js';
import type { EnumValue, ItemDef, PropertyDef } from '../../../core/model.js';
import { decideNumberType } from '../map/decide-number-type.js';
import { EMAIL_PATTERN, IMAGE_TYPES, MEDIA_TYPES } from '../map/catalyst-field-types.js';
import { isObject, type FieldsShape, type JsonObject } from '../read/parse-content-type-row.js';
import { assertNever } from '../../../core/assert-never.js';

/** A reference a property needs that only a Catalyst relationship can hold. */
export interface RelationshipNeed {
  targetKey: string;
  toMany: boolean;
  /** No field carries it (an array of references to one type): the relationship alone is the property. */
  relationshipOnly: boolean;
}

export interface FieldWrite {
  /** Undefined when the property has no Catalyst field (it is a relationship only, or not representable). */
  field?: JsonObject;
  relationship?: RelationshipNeed;
  /** Why the property cannot be written at all; the existing field, if any, is left as it is. */
  unrepresentable?: string;
}

export interface FieldWriteContext {
  shape: FieldsShape;
  /** Keys of types that are Catalyst rows (existing or being created): a reference to one becomes a relationship. */
  isRowKey(key: string): boolean;
  /** The nested fields for a component property (an `object` field), built from the component type. */
  nestedFields(contentType: string, existing: unknown): JsonObject[] | undefined;
  /** A fresh field id in the writer's style, for new fields of Shape A rows. */
  newFieldId(name: string): string;
}

/**
 * Writes one canonical property into a Catalyst field. An existing field is updated in place:
 * its type is kept when it still expresses the property (a `textarea` stays a textarea), every
 * attribute the importer maps is set or removed, and everything else it holds (id, placeholder,
 * unique, defaultValue …) is kept. A new field uses the content builder's vocabulary where it has
 * the type, else the AI tool's. Constraints go where the field keeps them: `validation` (Shape A)
 * or top-level (Shape B). The caller re-imports the result to find anything that did not survive.
 */
export function toCatalystField(
  name: string,
  property: PropertyDef,
  existing: JsonObject | undefined,
  context: FieldWriteContext,
): FieldWrite {
  const existingType = typeof existing?.type === 'string' ? existing.type : undefined;
  const type = existingType && expresses(existingType, property) ? existingType : preferredType(property, context);
  if (type === undefined) return { unrepresentable: `a ${describe(property)} property has no Catalyst field type` };
  const relationship = relationshipFor(property, context);
  if (relationship?.relationshipOnly && context.shape === 'wrapper' && !existing) return { relationship };

  const field: JsonObject = existing
    ? structuredClone(existing)
    : context.shape === 'wrapper'
      ? { id: context.newFieldId(name), name }
      : { name };
  field.name = name;
  field.type = type;
  const inValidation = context.shape === 'wrapper' ? !hasTopLevelConstraints(existing) : isObject(existing?.validation);
  const constraints: JsonObject = inValidation && isObject(field.validation) ? field.validation : inValidation ? {} : field;
  const set = (key: string, value: unknown): void => {
    if (value === undefined) delete constraints[key];
    else constraints[key] = value;
  };

  setOrDelete(field, 'label', property.displayName);
  const helpKey = field.helpText === undefined && typeof field.help === 'string' ? 'help' : 'helpText';
  setOrDelete(field, helpKey, property.description);
  if (property.required === true || 'required' in field) field.required = property.required === true;

  const value: PropertyDef | ItemDef = property.type === 'array' && property.items ? property.items : property;
  if (type === 'array') field.itemType = itemTypeFor(property.items);
  switch (type === 'array' ? field.itemType : type) {
    case 'text':
    case 'textarea':
    case 'email':
      set('minLength', value.minLength);
      set('maxLength', value.maxLength);
      set('pattern', (type === 'email' || field.itemType === 'email') && value.pattern === EMAIL_PATTERN ? undefined : value.pattern);
      break;
    case 'number':
      set('min', value.minimum);
      set('max', value.maximum);
      if (value.type === 'integer' && constraints.precision === undefined) set('precision', 0);
      if (value.type === 'float' && constraints.precision === 0) set('precision', undefined);
      // A float whose bounds are whole numbers would be read back as an integer; two decimals say float.
      if (
        value.type === 'float' &&
        constraints.precision === undefined &&
        decideNumberType({ minimum: value.minimum as number | undefined, maximum: value.maximum as number | undefined }).type === 'integer'
      ) {
        set('precision', 2);
      }
      break;
    case 'date':
    case 'datetime':
      set('minDate', toDate(value.minimum, String(field.itemType ?? type)));
      set('maxDate', toDate(value.maximum, String(field.itemType ?? type)));
      break;
    case 'select':
    case 'multiselect':
      setOrDelete(field, 'options', value.enum ? toOptions(value.enum, field.options) : undefined);
      break;
    case 'object': {
      const nested = property.contentType ? context.nestedFields(property.contentType, existing?.fields) : undefined;
      if (!nested) return { unrepresentable: `the component type ${property.contentType ?? '(none)'} is not in the YAML` };
      field.fields = nested;
      break;
    }
    default:
      break;
  }
  if (property.type === 'array') {
    set('minItems', property.minItems);
    set('maxItems', property.maxItems);
  }
  if (inValidation) {
    if (Object.keys(constraints).length > 0) field.validation = constraints;
    else delete field.validation;
  }
  return { field, relationship };
}

/** Whether a Catalyst field type (kept from the existing field) still expresses the property. */
function expresses(type: string, property: PropertyDef): boolean {
  const item = property.items;
  switch (type) {
    case 'text':
    case 'textarea':
    case 'email':
      return property.type === 'string' && !property.enum;
    case 'richText':
    case 'richtext':
      return property.type === 'richText';
    case 'number':
      return (property.type === 'integer' || property.type === 'float') && !property.enum;
    case 'boolean':
    case 'json':
    case 'url':
      return property.type === type;
    case 'date':
    case 'datetime':
      return property.type === 'dateTime';
    case 'image':
      return property.type === 'contentReference' && sameSet(property.allowedTypes, IMAGE_TYPES);
    case 'media':
      return property.type === 'contentReference' && sameSet(property.allowedTypes, MEDIA_TYPES);
    case 'reference':
    case 'relation':
      return (
        property.type === 'contentReference' && !sameSet(property.allowedTypes, IMAGE_TYPES) && !sameSet(property.allowedTypes, MEDIA_TYPES)
      );
    case 'select':
      return ['string', 'integer', 'float'].includes(property.type);
    case 'gallery':
      return property.type === 'array' && item?.type === 'contentReference' && sameSet(item.allowedTypes, IMAGE_TYPES);
    case 'tags':
      return (
        property.type === 'array' &&
        item?.type === 'string' &&
        !item.enum &&
        !item.pattern &&
        item.minLength === undefined &&
        item.maxLength === undefined
      );
    case 'multiselect':
      return property.type === 'array' && !!item?.enum;
    case 'array':
      return property.type === 'array' && itemTypeFor(item) !== undefined;
    case 'object':
      return property.type === 'component';
    default:
      return false;
  }
}

function preferredType(property: PropertyDef, context: FieldWriteContext): string | undefined {
  switch (property.type) {
    case 'string':
      return property.enum ? 'select' : property.pattern === EMAIL_PATTERN ? 'email' : 'text';
    case 'integer':
    case 'float':
      return property.enum ? 'select' : 'number';
    case 'richText':
    case 'boolean':
    case 'json':
    case 'url':
      return property.type;
    case 'dateTime':
      return 'date';
    case 'contentReference':
      return sameSet(property.allowedTypes, IMAGE_TYPES) ? 'image' : sameSet(property.allowedTypes, MEDIA_TYPES) ? 'media' : 'reference';
    case 'component':
      return 'object';
    case 'array': {
      const item = property.items;
      if (item?.enum) return 'multiselect';
      if (context.shape === 'wrapper' && item?.type === 'contentReference' && sameSet(item.allowedTypes, IMAGE_TYPES)) return 'gallery';
      if (context.shape === 'wrapper' && item?.type === 'string' && expresses('tags', property)) return 'tags';
      return itemTypeFor(item) === undefined ? undefined : 'array';
    }
    case 'content':
    case 'link':
    case 'binary':
      return undefined;
    default:
      return assertNever(property.type, 'value');
  }
}

/** `itemType` of an `array` field for an item definition; undefined when Catalyst has none. */
function itemTypeFor(item: ItemDef | undefined): string | undefined {
  if (!item || item.enum) return undefined;
  switch (item.type) {
    case 'string':
      return item.pattern === EMAIL_PATTERN ? 'email' : 'text';
    case 'integer':
    case 'float':
      return 'number';
    case 'richText':
    case 'boolean':
    case 'json':
    case 'url':
      return item.type;
    case 'dateTime':
      return 'datetime';
    case 'contentReference':
      return sameSet(item.allowedTypes, IMAGE_TYPES) ? 'image' : sameSet(item.allowedTypes, MEDIA_TYPES) ? 'media' : 'reference';
    default:
      return undefined;
  }
}

function relationshipFor(property: PropertyDef, context: FieldWriteContext): RelationshipNeed | undefined {
  const single = (types: string[] | undefined): string | undefined =>
    types?.length === 1 && types[0] !== undefined && context.isRowKey(types[0]) ? types[0] : undefined;
  if (property.type === 'contentReference') {
    const targetKey = single(property.allowedTypes);
    return targetKey ? { targetKey, toMany: false, relationshipOnly: false } : undefined;
  }
  if (property.type === 'array' && property.items?.type === 'contentReference') {
    const targetKey = single(property.items.allowedTypes);
    return targetKey ? { targetKey, toMany: true, relationshipOnly: true } : undefined;
  }
  return undefined;
}

function toOptions(values: readonly EnumValue[], existing: unknown): unknown[] {
  const previous = Array.isArray(existing) ? existing : [];
  const plain = previous.length > 0 && previous.every((option) => typeof option === 'string' || typeof option === 'number');
  return values.map((entry) => {
    if (plain && String(entry.value) === entry.displayName) return entry.value;
    const old = previous.find((option) => isObject(option) && option.value === entry.value);
    return { ...(isObject(old) ? old : {}), label: entry.displayName, value: entry.value };
  });
}

function toDate(value: number | string | undefined, type: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  return type === 'date' && /^\d{4}-\d{2}-\d{2}T00:00:00(\.0+)?Z$/.test(value) ? value.slice(0, 10) : value;
}

function hasTopLevelConstraints(field: JsonObject | undefined): boolean {
  return (
    !!field &&
    !isObject(field.validation) &&
    ['minLength', 'maxLength', 'pattern', 'min', 'max', 'maxItems', 'minItems'].some((key) => key in field)
  );
}

function setOrDelete(target: JsonObject, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

function sameSet(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return deepEqual([...(a ?? [])].sort(compareCodeUnits), [...b].sort(compareCodeUnits));
}

function describe(property: PropertyDef): string {
  return property.type === 'array' ? `list of ${property.items?.type ?? 'unknown'}` : property.type;
}
