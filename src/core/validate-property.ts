import type { Diagnostic } from './diagnostic.js';
import { didYouMean } from './did-you-mean.js';
import { PROPERTY_TYPES, type EnumValue, type ItemDef, type PropertyDef, type PropertyType } from './model.js';
import type { ValidationCode } from './validation-codes.js';

/** What a property check needs to know about the rest of the desired state. */
export interface PropertyScope {
  /** Reports one problem; the caller adds the resource and source location. */
  report: (code: ValidationCode, severity: Diagnostic['severity'], path: string, summary: string, detail: string) => void;
  /** Every name a type reference may use: desired keys, known live keys, base types, `*`. */
  typeNames: ReadonlySet<string>;
  /** Declared, built-in and known live property groups. */
  groupNames: ReadonlySet<string>;
}

export const PROPERTY_KEY_PATTERN = /^[A-Za-z][_0-9A-Za-z]+$/;

/** Constraint attributes and the property (or item) types that accept them (API-NOTES §6). */
const ATTRIBUTE_TYPES = {
  minLength: ['string'],
  maxLength: ['string'],
  pattern: ['string'],
  enum: ['string', 'integer', 'float', 'dateTime'],
  minimum: ['integer', 'float', 'dateTime'],
  maximum: ['integer', 'float', 'dateTime'],
  allowedTypes: ['content', 'contentReference'],
  restrictedTypes: ['content', 'contentReference'],
  contentType: ['component'],
  items: ['array'],
  minItems: ['array'],
  maxItems: ['array'],
  imageDescriptor: ['binary'],
} as const satisfies Record<string, readonly PropertyType[]>;
type ConstrainedAttribute = keyof typeof ATTRIBUTE_TYPES;

const INT32 = { min: -2147483648, max: 2147483647 };
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export function validateProperty(key: string, property: PropertyDef, scope: PropertyScope): void {
  const path = `properties.${key}`;
  if (!PROPERTY_KEY_PATTERN.test(key) || key.length > 255) {
    scope.report(
      'V006',
      'error',
      path,
      `Invalid property key "${key}"`,
      `Property keys start with a letter, contain only letters, digits and underscores, and are 2 to 255 characters long. Rename the property, for example to "${suggestKey(key)}".`,
    );
  }
  checkLength(scope, `${path}.displayName`, 'displayName', property.displayName, 255);
  checkLength(scope, `${path}.description`, 'description', property.description, 2000);
  if (property.group !== undefined && !scope.groupNames.has(property.group)) {
    const suggestion = didYouMean(property.group, scope.groupNames);
    scope.report(
      'V015',
      'warning',
      `${path}.group`,
      `Unknown property group "${property.group}"`,
      `Property "${key}" is placed in group "${property.group}", which no propertyGroups document declares, the platform does not build in and the target does not have. The CMS stores the name as written, but Optimizely asks for a group to exist before types use it. ${suggestion ? `Did you mean "${suggestion}"? ` : ''}Declare the group in a propertyGroups document, or use an existing one.`,
    );
  }
  if (!isKnownType(property.type)) {
    reportUnknownType(scope, path, property.type);
    return;
  }
  checkValue(property, path, scope);
  if (property.type === 'array') {
    if (property.items === undefined) {
      scope.report(
        'V007',
        'error',
        path,
        `Array property "${key}" has no items`,
        'An array property must say what it holds. Add `items: { type: ... }` (or write the shorthand `<type>[]`).',
      );
    } else if ((property.items.type as string) === 'array') {
      scope.report(
        'V009',
        'error',
        `${path}.items`,
        `Nested array in "${key}"`,
        'Arrays cannot hold arrays. Give the items another type, for example a component type that holds the inner list.',
      );
    } else if (!isKnownType(property.items.type)) {
      reportUnknownType(scope, `${path}.items`, property.items.type);
    } else {
      checkValue(property.items, `${path}.items`, scope);
    }
    checkOrder(scope, path, 'minItems', 'maxItems', property.minItems, property.maxItems);
    checkCount(scope, path, 'minItems', property.minItems);
    checkCount(scope, path, 'maxItems', property.maxItems);
  }
  const indexed = property.indexingType === 'searchable' || property.indexingType === 'queryable';
  const referenceType = isReferenceType(property.type) || (property.type === 'array' && isReferenceType(property.items?.type));
  if (indexed && referenceType) {
    scope.report(
      'V020',
      'warning',
      `${path}.indexingType`,
      `indexingType "${property.indexingType}" on reference property "${key}"`,
      `The platform rejects indexingType "${property.indexingType}" on content and contentReference properties; it applies to primitive properties. Remove indexingType or set it to "disabled".`,
    );
  }
}

/** Checks shared by a property and the items of an array property. */
function checkValue(value: PropertyDef | ItemDef, path: string, scope: PropertyScope): void {
  for (const attribute of Object.keys(ATTRIBUTE_TYPES) as ConstrainedAttribute[]) {
    const present = (value as unknown as Record<string, unknown>)[attribute] !== undefined;
    const allowed: readonly PropertyType[] = ATTRIBUTE_TYPES[attribute];
    if (!present || allowed.includes(value.type)) continue;
    if (attribute === 'items') {
      scope.report(
        'V008',
        'error',
        `${path}.items`,
        `items on a ${value.type}`,
        `Only array properties have items; a ${value.type} holds one value. Remove items, or make the property an array.`,
      );
    } else {
      scope.report(
        'V011',
        'error',
        `${path}.${attribute}`,
        `${attribute} is not allowed on a ${value.type}`,
        `${attribute} applies only to ${allowed.join(' and ')} values; the platform rejects it on a ${value.type}. Remove ${attribute}, or change the type.`,
      );
    }
  }
  if (value.type === 'component' && value.contentType === undefined) {
    scope.report(
      'V010',
      'error',
      path,
      'Component without contentType',
      'A component value must name the component type it holds. Add `contentType: <ComponentTypeKey>`.',
    );
  }
  if (value.contentType !== undefined) checkTypeReference(scope, `${path}.contentType`, value.contentType);
  for (const target of value.allowedTypes ?? []) checkTypeReference(scope, `${path}.allowedTypes`, target);
  for (const target of value.restrictedTypes ?? []) checkTypeReference(scope, `${path}.restrictedTypes`, target);
  checkOrder(scope, path, 'minLength', 'maxLength', value.minLength, value.maxLength);
  checkCount(scope, path, 'minLength', value.minLength);
  checkCount(scope, path, 'maxLength', value.maxLength);
  checkBounds(value, path, scope);
  if (value.pattern !== undefined) checkPattern(scope, `${path}.pattern`, value.pattern);
  if (value.enum !== undefined) checkEnum(value.type, value.enum, `${path}.enum`, scope);
}

export function checkTypeReference(scope: PropertyScope, path: string, target: string): void {
  if (scope.typeNames.has(target)) return;
  const suggestion = didYouMean(target, scope.typeNames);
  scope.report(
    'V016',
    'warning',
    path,
    `Unknown content type "${target}"`,
    `"${target}" is not a content type in this repository, a base type (such as "_page") or "*", and the target does not have it. The CMS stores the reference as written, but editors cannot use a type that does not exist. ${suggestion ? `Did you mean "${suggestion}"? ` : ''}Fix the name, or add a content type with this key.`,
  );
}

function checkBounds(value: PropertyDef | ItemDef, path: string, scope: PropertyScope): void {
  const bounds = [
    ['minimum', value.minimum],
    ['maximum', value.maximum],
  ] as const;
  for (const [name, bound] of bounds) {
    if (bound === undefined || !['integer', 'float', 'dateTime'].includes(value.type)) continue;
    const problem = boundProblem(value.type, bound);
    if (problem)
      scope.report('V023', 'error', `${path}.${name}`, `Invalid ${name} for ${withArticle(value.type)}`, `${problem} Fix ${name}.`);
  }
  if (value.minimum === undefined || value.maximum === undefined) return;
  const low = comparable(value.type, value.minimum);
  const high = comparable(value.type, value.maximum);
  if (low !== undefined && high !== undefined && low > high) {
    scope.report(
      'V018',
      'error',
      path,
      'minimum is greater than maximum',
      `minimum (${String(value.minimum)}) is greater than maximum (${String(value.maximum)}), so no value is valid. Swap or correct them.`,
    );
  }
}

function boundProblem(type: PropertyType, bound: number | string): string | undefined {
  if (type === 'dateTime') {
    return typeof bound === 'string' && isDateTime(bound)
      ? undefined
      : `A dateTime bound is an ISO 8601 date-time such as "2024-01-31T00:00:00Z"; got ${JSON.stringify(bound)}.`;
  }
  if (typeof bound !== 'number' || !Number.isFinite(bound))
    return `${capitalized(withArticle(type))} bound is a number; got ${JSON.stringify(bound)}.`;
  if (type === 'integer' && (!Number.isInteger(bound) || bound < INT32.min || bound > INT32.max)) {
    return `An integer bound is a whole number between ${INT32.min} and ${INT32.max}; got ${bound}.`;
  }
  return undefined;
}

/** "an integer", "a float": the indefinite article a type name takes in a message. */
function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** A number that orders bounds of the given type, or undefined when the bound is invalid. */
export function comparable(type: PropertyType, bound: number | string): number | undefined {
  if (type === 'dateTime') return typeof bound === 'string' && isDateTime(bound) ? Date.parse(bound) : undefined;
  return typeof bound === 'number' && Number.isFinite(bound) ? bound : undefined;
}

function isDateTime(text: string): boolean {
  return ISO_DATE_TIME.test(text) && !Number.isNaN(Date.parse(text));
}

function checkOrder(
  scope: PropertyScope,
  path: string,
  lowName: string,
  highName: string,
  low: number | undefined,
  high: number | undefined,
): void {
  if (low !== undefined && high !== undefined && low > high) {
    scope.report(
      'V018',
      'error',
      path,
      `${lowName} is greater than ${highName}`,
      `${lowName} (${low}) is greater than ${highName} (${high}), so no value is valid. Swap or correct them.`,
    );
  }
}

function checkCount(scope: PropertyScope, path: string, name: string, count: number | undefined): void {
  if (count !== undefined && (!Number.isInteger(count) || count < 0 || count > INT32.max)) {
    scope.report(
      'V023',
      'error',
      `${path}.${name}`,
      `Invalid ${name}`,
      `${name} is a whole number from 0 to ${INT32.max}; got ${count}. Fix the value.`,
    );
  }
}

/**
 * The platform evaluates patterns with .NET regular expressions, which accept a few constructs
 * JavaScript does not (inline options such as `(?i)`), so a pattern JavaScript cannot parse is a
 * warning, not an error.
 */
function checkPattern(scope: PropertyScope, path: string, pattern: string): void {
  try {
    new RegExp(pattern);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    scope.report(
      'V024',
      'warning',
      path,
      'Pattern does not parse as a regular expression',
      `The pattern ${JSON.stringify(pattern)} does not parse (${reason}). Unless it relies on .NET-only syntax, the platform will reject it too: fix the expression.`,
    );
  }
}

function checkEnum(type: PropertyType, values: EnumValue[], path: string, scope: PropertyScope): void {
  const seen = new Set<string>();
  values.forEach((entry, index) => {
    const problem = enumValueProblem(type, entry.value);
    if (problem)
      scope.report(
        'V019',
        'error',
        `${path}.${index}`,
        `Enum value ${JSON.stringify(entry.value)} is not a ${type}`,
        `${problem} Change the value or the property type.`,
      );
    const identity = JSON.stringify(entry.value);
    if (seen.has(identity)) {
      scope.report(
        'V027',
        'error',
        `${path}.${index}`,
        `Duplicate enum value ${identity}`,
        'Each enum value may appear once. Remove the duplicate entry.',
      );
    }
    seen.add(identity);
  });
}

function enumValueProblem(type: PropertyType, value: string | number): string | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? undefined : 'Values of a string enum are strings.';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? undefined : 'Values of an integer enum are whole numbers.';
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'Values of a float enum are numbers.';
    case 'dateTime':
      return typeof value === 'string' && isDateTime(value) ? undefined : 'Values of a dateTime enum are ISO 8601 date-times.';
    default:
      return undefined;
  }
}

function checkLength(scope: PropertyScope, path: string, name: string, value: string | undefined, max: number): void {
  if (value !== undefined && value.length > max) {
    scope.report(
      name === 'description' ? 'V005' : 'V004',
      'error',
      path,
      `${name} too long`,
      `${name} has ${value.length} characters; the platform accepts at most ${max}. Shorten it.`,
    );
  }
}

function reportUnknownType(scope: PropertyScope, path: string, type: string): void {
  const suggestion = didYouMean(type, PROPERTY_TYPES);
  scope.report(
    'V025',
    'error',
    `${path}.type`,
    `Unknown property type "${type}"`,
    `Property types are ${PROPERTY_TYPES.join(', ')}. ${suggestion ? `Did you mean "${suggestion}"? ` : ''}Fix the type.`,
  );
}

function isKnownType(type: string): type is PropertyType {
  return (PROPERTY_TYPES as readonly string[]).includes(type);
}

function isReferenceType(type: string | undefined): boolean {
  return type === 'content' || type === 'contentReference';
}

/** A key that satisfies the key rules, derived from an invalid one, for the fix in a message. */
export function suggestKey(key: string): string {
  const cleaned = key.replace(/[^_0-9A-Za-z]/g, '_').replace(/^[^A-Za-z]+/, '');
  const padded = cleaned.length >= 2 ? cleaned : `${cleaned || 'key'}Value`.slice(0, 255);
  return padded.slice(0, 255);
}
