import type { EnumValue, ItemDef, PropertyDef } from '../../../core/model.js';
import { CATALYST_CODES, quote } from '../catalyst-diagnostics.js';
import { decideNumberType, type NumberType } from './decide-number-type.js';
import type { FieldReader } from './field-reader.js';
import { isObject, type RawField } from '../read/parse-content-type-row.js';
import {
  CATALYST_FIELD_TYPES,
  EMAIL_PATTERN,
  IMAGE_TYPES,
  isSingleValueFieldType,
  MEDIA_TYPES,
  SINGLE_VALUE_FIELD_TYPES,
  type CatalystFieldType,
  type SingleValueFieldType,
} from './catalyst-field-types.js';
import { assertNever } from '../../../core/assert-never.js';

export interface MappedField {
  property: PropertyDef;
  /** For `object` fields: the nested fields, from which the caller generates a component type. */
  nestedFields?: RawField[];
  /** `reference`/`relation` fields: a relationship with the same field name may supply the target. */
  isReference: boolean;
}

export interface FieldEvidence {
  /** Numbers seen in content items for this field. */
  samples?: number[];
  numberOverride?: NumberType;
}

/**
 * Maps one Catalyst field to a canonical property (see docs/catalyst-mapping.md for the table).
 * Returns undefined, after reporting an error that names the row and field, when the field's
 * type cannot be mapped: never a silent fallback to string.
 */
export function mapField(field: RawField, reader: FieldReader, evidence: FieldEvidence): MappedField | undefined {
  const common = readCommon(reader);
  const type = field.type as CatalystFieldType;
  let property: PropertyDef | undefined;
  let nestedFields: RawField[] | undefined;
  if (isSingleValueFieldType(type)) {
    property = mapValue(type, reader, evidence);
  } else {
    switch (type) {
      case 'gallery':
        property = { type: 'array', items: { type: 'contentReference', allowedTypes: [...IMAGE_TYPES] }, ...readItemCounts(reader) };
        break;
      case 'tags':
        property = { type: 'array', items: { type: 'string' }, ...readItemCounts(reader) };
        break;
      case 'multiselect': {
        const item = mapValue('select', reader, evidence);
        property = item && { type: 'array', items: item as ItemDef, ...readItemCounts(reader) };
        break;
      }
      case 'array':
        property = mapArray(reader, evidence);
        break;
      case 'object':
        nestedFields = readNestedFields(reader);
        property = nestedFields && { type: 'component' };
        break;
      default:
        assertKnown(type);
        reader.error(
          CATALYST_CODES.unknownFieldType,
          `Unknown field type "${field.type}"`,
          `the field type "${field.type}" is not one this importer maps (${CATALYST_FIELD_TYPES.join(', ')}). The field was not imported; change its type in Catalyst Studio, or report the type so a mapping can be added.`,
        );
    }
  }
  loseCommonExtras(reader, type);
  reader.finish();
  if (!property) return undefined;
  return { property: { ...property, ...common }, nestedFields, isReference: type === 'reference' || type === 'relation' };
}

/** The single-value types, used for a property and for an array's items alike. */
function mapValue(type: SingleValueFieldType, reader: FieldReader, evidence: FieldEvidence): PropertyDef | undefined {
  switch (type) {
    case 'text':
    case 'textarea':
      return { type: 'string', ...readStringConstraints(reader) };
    case 'email': {
      const constraints = readStringConstraints(reader);
      if (constraints.pattern === undefined) reader.decide('email kept as a string with an email pattern');
      return { type: 'string', ...constraints, pattern: constraints.pattern ?? EMAIL_PATTERN };
    }
    case 'richText':
    case 'richtext':
      return { type: 'richText' };
    case 'number':
      return mapNumber(reader, evidence);
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
    case 'datetime':
      reader.loseConstraint('format', 'Optimizely stores a date-time; the editor decides the display format');
      return { type: 'dateTime', minimum: readDate(reader, 'minDate'), maximum: readDate(reader, 'maxDate') };
    case 'image':
      loseImageConstraints(reader);
      return { type: 'contentReference', allowedTypes: [...IMAGE_TYPES] };
    case 'media':
      loseImageConstraints(reader);
      return { type: 'contentReference', allowedTypes: [...MEDIA_TYPES] };
    case 'reference':
    case 'relation':
      return { type: 'contentReference' };
    case 'select':
      return mapSelect(reader, evidence);
    case 'json':
      return { type: 'json' };
    case 'url':
      reader.loseConstraint('pattern', 'an Optimizely url property takes no pattern');
      reader.loseConstraint('minLength', 'an Optimizely url property takes no length limits');
      reader.loseConstraint('maxLength', 'an Optimizely url property takes no length limits');
      return { type: 'url' };
    default:
      return assertNever(type, 'field type');
  }
}

function mapNumber(reader: FieldReader, evidence: FieldEvidence): PropertyDef {
  const minimum = reader.constraintNumber('min');
  const maximum = reader.constraintNumber('max');
  const precision = reader.constraintNumber('precision', true);
  const defaultValue = numberOrUndefined(reader.take('defaultValue') ?? reader.take('default'));
  const decision = decideNumberType({
    override: evidence.numberOverride,
    precision,
    minimum,
    maximum,
    defaultValue,
    samples: evidence.samples,
  });
  recordNumberDecision(reader, decision);
  if (decision.type === 'float' && precision !== undefined && precision > 0) {
    reader.lose('validation.precision', precision, 'Optimizely floats have no fixed number of decimals');
  }
  return { type: decision.type, minimum, maximum };
}

function mapSelect(reader: FieldReader, evidence: FieldEvidence): PropertyDef | undefined {
  const options = reader.take('options');
  if (options === undefined || (Array.isArray(options) && options.length === 0)) {
    reader.warn(
      CATALYST_CODES.selectWithoutOptions,
      'Select field without options',
      'the field is a select with no options, so any text is allowed; it was imported as a string without an enum. Add the options in Catalyst Studio (or an enum in the YAML) to restrict it.',
    );
    return { type: 'string' };
  }
  if (!Array.isArray(options)) {
    reader.error(
      CATALYST_CODES.badOptions,
      'Options are not a list',
      `"options" holds ${quote(options)}. The field was not imported; fix its options in Catalyst Studio.`,
    );
    return undefined;
  }
  const entries: EnumValue[] = [];
  for (const option of options) {
    const entry = toEnumValue(option, reader);
    if (!entry) return undefined;
    entries.push(entry);
  }
  const kinds = new Set(entries.map((entry) => typeof entry.value));
  if (kinds.size > 1) {
    reader.error(
      CATALYST_CODES.badOptions,
      'Options mix numbers and text',
      'an Optimizely enum holds values of one type. The field was not imported; make the option values all text or all numbers in Catalyst Studio.',
    );
    return undefined;
  }
  if (kinds.has('string')) return { type: 'string', enum: entries };
  const decision = decideNumberType({ override: evidence.numberOverride, optionValues: entries.map((entry) => entry.value as number) });
  recordNumberDecision(reader, decision);
  return { type: decision.type, enum: entries };
}

function toEnumValue(option: unknown, reader: FieldReader): EnumValue | undefined {
  if (typeof option === 'string' || typeof option === 'number') return { value: option, displayName: String(option) };
  if (isObject(option) && (typeof option.value === 'string' || typeof option.value === 'number')) {
    const { value, label, description, ...rest } = option;
    if (description !== undefined && description !== null && description !== '') {
      reader.lose(`option ${quote(value)} description`, description);
    }
    for (const [key, extra] of Object.entries(rest)) reader.lose(`option ${quote(value)} ${key}`, extra);
    return { value, displayName: typeof label === 'string' && label !== '' ? label : String(value) };
  }
  reader.error(
    CATALYST_CODES.badOptions,
    'Option value has no Optimizely equivalent',
    `the option ${quote(option)} is neither text, a number, nor {label, value} with a text or number value (an Optimizely enum holds only text or numbers). The field was not imported; change the option in Catalyst Studio.`,
  );
  return undefined;
}

function mapArray(reader: FieldReader, evidence: FieldEvidence): PropertyDef | undefined {
  const itemType = reader.take('itemType');
  if (typeof itemType !== 'string' || !isSingleValueFieldType(itemType)) {
    reader.error(
      CATALYST_CODES.badArrayItem,
      itemType === undefined ? 'Array field without itemType' : `Unsupported itemType ${quote(itemType)}`,
      itemType === undefined
        ? 'an array field needs an "itemType". The field was not imported; set one in Catalyst Studio.'
        : `arrays of ${quote(itemType)} have no Optimizely equivalent (items may be ${SINGLE_VALUE_FIELD_TYPES.join(', ')}; Optimizely has no nested lists). The field was not imported.`,
    );
    return undefined;
  }
  const item = mapValue(itemType, reader, evidence);
  if (!item) return undefined;
  return { type: 'array', items: item as ItemDef, ...readItemCounts(reader) };
}

function readNestedFields(reader: FieldReader): RawField[] | undefined {
  const nested = reader.take('fields');
  const fields = Array.isArray(nested)
    ? nested.flatMap((entry, index): RawField[] =>
        isObject(entry) && typeof entry.name === 'string' && entry.name !== '' && typeof entry.type === 'string'
          ? [{ index, name: entry.name, type: entry.type, attributes: entry }]
          : [],
      )
    : [];
  if (!Array.isArray(nested) || fields.length === 0 || fields.length !== nested.length) {
    reader.error(
      CATALYST_CODES.badObjectField,
      'Object field without usable nested fields',
      `an object field becomes a component type built from its nested "fields", but it holds ${quote(nested)} (each nested field needs a string name and type). The field was not imported; fix it in Catalyst Studio.`,
    );
    return undefined;
  }
  return fields;
}

function readCommon(reader: FieldReader): Partial<PropertyDef> {
  const label = reader.take('label');
  const required = reader.take('required');
  const help = reader.take('helpText') ?? reader.take('help') ?? reader.take('description');
  reader.take('order');
  if (required !== undefined && typeof required !== 'boolean') {
    reader.warn(
      CATALYST_CODES.badAttributeValue,
      'Unusable required',
      `required is ${quote(required)}, not true or false; the field was imported as optional.`,
    );
  }
  return {
    displayName: typeof label === 'string' ? label : undefined,
    description: typeof help === 'string' ? help : undefined,
    required: required === true ? true : undefined,
  };
}

/** Attributes any field may carry that Optimizely has no place for. */
function loseCommonExtras(reader: FieldReader, type: string): void {
  reader.lose('placeholder', reader.take('placeholder'), 'editor hint');
  const defaultValue = reader.take('defaultValue') ?? reader.take('default');
  reader.lose('default', defaultValue, 'the REST model has no property defaults');
  const unique = reader.take('unique');
  reader.lose('unique', unique === false ? undefined : unique, 'Optimizely cannot enforce unique values');
  if (type === 'gallery') loseImageConstraints(reader);
}

function readStringConstraints(reader: FieldReader): Pick<PropertyDef, 'minLength' | 'maxLength' | 'pattern'> {
  const pattern = reader.constraintString('pattern');
  if (pattern !== undefined) {
    try {
      new RegExp(pattern);
    } catch {
      reader.warn(
        CATALYST_CODES.badAttributeValue,
        'Invalid pattern',
        `pattern ${quote(pattern)} is not a valid regular expression; it was left out.`,
      );
      return { minLength: reader.constraintNumber('minLength', true), maxLength: reader.constraintNumber('maxLength', true) };
    }
  }
  return { minLength: reader.constraintNumber('minLength', true), maxLength: reader.constraintNumber('maxLength', true), pattern };
}

function readItemCounts(reader: FieldReader): Pick<PropertyDef, 'minItems' | 'maxItems'> {
  return { minItems: reader.constraintNumber('minItems', true), maxItems: reader.constraintNumber('maxItems', true) };
}

/** `minDate`/`maxDate`: a date becomes midnight UTC of that day, a date-time is kept as ISO. */
function readDate(reader: FieldReader, key: 'minDate' | 'maxDate'): string | undefined {
  const value = reader.constraintString(key);
  if (value === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return `${value}T00:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  reader.warn(
    CATALYST_CODES.badAttributeValue,
    `Unusable ${key}`,
    `${key} ${quote(value)} is not an ISO date (YYYY-MM-DD) or date-time; it was left out.`,
  );
  return undefined;
}

function loseImageConstraints(reader: FieldReader): void {
  reader.loseConstraint('maxSize', 'file size limits belong to the media library');
  reader.loseConstraint('allowedTypes', 'MIME types; Optimizely restricts by content type, here _image');
  reader.loseConstraint('dimensions', 'image dimension limits have no property setting');
}

function recordNumberDecision(reader: FieldReader, decision: ReturnType<typeof decideNumberType>): void {
  if (decision.guessed) {
    reader.warn(
      CATALYST_CODES.numberFallback,
      'Number mapped to float without evidence',
      `nothing shows whether the number holds whole numbers only (no precision, bounds or content items), so it was mapped to float, which accepts both. Set "type: integer" in the YAML (or pass --number <Type>.${reader.fieldName}=integer) if it only holds whole numbers.`,
    );
  }
  reader.decide(`${decision.type} (${decision.reason})`);
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Compile-time check that every known type has a case above; unknown strings reach `default` at run time. */
function assertKnown(type: never): void {
  void type;
}
