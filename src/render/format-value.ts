import type { AccessRight, EnumValue, ItemDef, PropertyDef } from '../core/model.js';
import { compareCodeUnits } from '../core/compare-code-units.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A value as one short line: strings and numbers as JSON, lists as `["a", "b"]`, objects as
 * `{width: 100}`; `(absent)` for a member that does not exist on that side.
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, member]) => member !== undefined);
    return `{${entries.map(([key, member]) => `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${formatValue(member)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? String(value);
}

/**
 * A member's value, in the shape people write it where that is shorter than JSON: `enum` as
 * `["news", "blog"]` (display names equal to the values) or `{"s": "Small", 3: "High"}`, and
 * `accessRights` as `["Editors" (role)]`. `member` is a dotted path; its last segment decides.
 */
export function formatMemberValue(member: string | undefined, value: unknown): string {
  const name = member?.slice(member.lastIndexOf('.') + 1);
  if (name === 'enum' && Array.isArray(value) && value.every(isEnumValue)) return formatEnum(value);
  if (name === 'accessRights' && Array.isArray(value) && value.every(isAccessRight))
    return `[${value.map((right) => `${JSON.stringify(right.name)} (${right.type})`).join(', ')}]`;
  return formatValue(value);
}

function formatEnum(values: readonly EnumValue[]): string {
  if (values.every((entry) => entry.displayName === String(entry.value))) return formatValue(values.map((entry) => entry.value));
  return `{${values.map((entry) => `${JSON.stringify(entry.value)}: ${JSON.stringify(entry.displayName)}`).join(', ')}}`;
}

function isEnumValue(value: unknown): value is EnumValue {
  return typeof value === 'object' && value !== null && 'value' in value && 'displayName' in value;
}

function isAccessRight(value: unknown): value is AccessRight {
  return typeof value === 'object' && value !== null && 'name' in value && 'type' in value;
}

/** A property's type in one word, e.g. `string`, `array<contentReference>`, `component<Hero>`, `array<component<Card>>`. */
export function formatPropertyType(property: PropertyDef | ItemDef): string {
  if (property.type === 'array' && 'items' in property && property.items) return `array<${formatPropertyType(property.items)}>`;
  if (property.type === 'component' && property.contentType !== undefined) return `component<${property.contentType}>`;
  return property.type;
}

/** Members the type word or the flags already show, and `sortOrder`, which the listing order shows. */
const SHOWN_ELSEWHERE: ReadonlySet<string> = new Set(['type', 'required', 'localized', 'sortOrder', 'items']);

/** The order a reviewer reads a property's members in; members not listed follow, by name. */
const MEMBER_ORDER = [
  'displayName',
  'description',
  'group',
  'indexingType',
  'displayMode',
  'format',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'enum',
  'allowedTypes',
  'restrictedTypes',
  'minItems',
  'maxItems',
  'imageDescriptor',
  'editorSettings',
];

/**
 * A property as one line, all of it: the type word, `required` and `localized`, then every other
 * member as `name: value` (the items' own members as `items.name: value`). `sortOrder` is left to
 * the order properties are listed in.
 */
export function formatPropertySummary(property: PropertyDef): string {
  const facts: string[] = [formatPropertyType(property)];
  if (property.required) facts.push('required');
  if (property.localized) facts.push('localized');
  facts.push(...memberFacts(property, '', SHOWN_ELSEWHERE, property.type === 'component'));
  if (property.items) facts.push(...memberFacts(property.items, 'items.', new Set(['type']), property.items.type === 'component'));
  return facts.join(', ');
}

function memberFacts(value: PropertyDef | ItemDef, prefix: string, skip: ReadonlySet<string>, contentTypeShown: boolean): string[] {
  const entries = Object.entries(value).filter(
    ([member, memberValue]) => memberValue !== undefined && !skip.has(member) && !(contentTypeShown && member === 'contentType'),
  );
  const rank = (member: string) => {
    const index = MEMBER_ORDER.indexOf(member);
    return index === -1 ? MEMBER_ORDER.length : index;
  };
  entries.sort(([a], [b]) => rank(a) - rank(b) || compareCodeUnits(a, b));
  return entries.map(([member, memberValue]) => `${prefix}${member}: ${formatMemberValue(member, memberValue)}`);
}

/** What a destructive change would take with it, for the reviewer: `12 content items of this type in the CMS`. */
export function formatItemCount(count: number | null): string {
  if (count === null) return 'content items of this type: unknown; the CMS could not count them';
  if (count === 0) return 'no content items of this type in the CMS yet';
  return `${count} content item${count === 1 ? '' : 's'} of this type in the CMS`;
}
