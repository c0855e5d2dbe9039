import { asStringList, isPlainObject } from './definition-shape.js';
import type { DefinitionChange, RiskCode } from './generated/plan.js';
import { InternalError } from './internal-error.js';
import type { ContentTypeDef, EnumValue, PropertyDef, PropertyType } from './model.js';
import { comparable } from './validate-property.js';

/** A risky change: its stable code (risk-codes.ts) and a one-line reason. */
export interface Finding {
  code: RiskCode;
  reason: string;
}

/** How a change to one member is classified: undefined when it is safe. */
type TypeChangeRule = (change: DefinitionChange, member: string) => Finding | undefined;

/** What a property-level rule knows: which property, which value (the property's or its items'), and its type. */
interface PropertyChangeContext {
  property: string;
  inItems: boolean;
  /** `"title"` or `items of "tags"`. */
  label: string;
  type: PropertyType | undefined;
  from: string;
  to: string;
}
type PropertyChangeRule = (change: DefinitionChange, context: PropertyChangeContext) => Finding | undefined;

const safe = (): undefined => undefined;

/**
 * The decision for every member of a content type. Adding a member to `ContentTypeDef` does not
 * compile until it is decided here (and in `normalizeContentType`).
 */
const TYPE_CHANGES = {
  key: immutableChange,
  baseType: immutableChange,
  isContract: immutableChange,
  displayName: safe,
  description: safe,
  sortOrder: safe,
  mediaFileExtensions: safe,
  mayContainTypes: (change) =>
    (change.removed ?? []).length > 0
      ? {
          code: 'BC105',
          reason: `no longer allows ${list(change.removed ?? [])} as children; existing children of those types become invalid`,
        }
      : undefined,
  compositionBehaviors: (change) =>
    (change.removed ?? []).length > 0
      ? { code: 'BC106', reason: `removes composition behavior ${list(change.removed ?? [])}; existing uses become invalid` }
      : undefined,
  contracts: (change) =>
    (change.removed ?? []).length > 0
      ? { code: 'BC107', reason: `stops implementing ${list(change.removed ?? [])}; queries and content relying on the contract break` }
      : undefined,
  accessRights: () => ({ code: 'BC108', reason: 'changes who may create content of this type' }),
  /** Compared property by property (PROPERTY_CHANGES), never as a whole. */
  properties: safe,
} as const satisfies { [K in keyof Required<ContentTypeDef>]: TypeChangeRule };

/**
 * The decision for every member of a property (and, where they share a name, of an array's
 * items). Adding a member to `PropertyDef` or `ValueConstraints` does not compile until it is
 * decided here.
 */
const PROPERTY_CHANGES = {
  type: (_change, { property, inItems, from, to }) =>
    inItems
      ? { code: 'DS104', reason: `changes the item type of "${property}" from ${from} to ${to}; existing values may not convert` }
      : { code: 'DS103', reason: `changes the type of "${property}" from ${from} to ${to}; existing values may not convert` },
  contentType: (change, { label, from, to }) =>
    change.op === 'change'
      ? { code: 'DS105', reason: `changes the component type of ${label} from ${from} to ${to}; existing values are dropped` }
      : undefined,
  localized: (change, { property }) => ({
    code: 'DS106',
    reason: `turns localization of "${property}" ${change.after === true ? 'on' : 'off'}; the platform re-stores its values and may drop some`,
  }),
  required: (change, { property }) =>
    change.after === true
      ? { code: 'BC101', reason: `makes "${property}" required; existing content without a value becomes invalid` }
      : undefined,
  minLength: (change, context) => bound(change, context, 'minLength', 'raised'),
  minimum: (change, context) => bound(change, context, 'minimum', 'raised'),
  minItems: (change, context) => bound(change, context, 'minItems', 'raised'),
  maxLength: (change, context) => bound(change, context, 'maxLength', 'lowered'),
  maximum: (change, context) => bound(change, context, 'maximum', 'lowered'),
  maxItems: (change, context) => bound(change, context, 'maxItems', 'lowered'),
  pattern: (change, { label, from, to }) => (change.op === 'remove' ? undefined : constraintFinding('pattern', label, from, to)),
  enum: (change, { label }) => enumFinding(change, label),
  allowedTypes: (change, { label }) => {
    if (change.op === 'remove') return undefined;
    if (change.op === 'add')
      return {
        code: 'BC104',
        reason: `restricts ${label} to ${list(asStringList(change.after))}; references to other types become invalid`,
      };
    return (change.removed ?? []).length > 0
      ? { code: 'BC104', reason: `no longer allows ${list(change.removed ?? [])} in ${label}; existing references to them become invalid` }
      : undefined;
  },
  restrictedTypes: (change, { label }) => {
    const added = change.op === 'add' ? asStringList(change.after) : (change.added ?? []);
    return added.length > 0
      ? { code: 'BC104', reason: `newly forbids ${list(added)} in ${label}; existing references to them become invalid` }
      : undefined;
  },
  format: (_change, { label, from, to }) => ({
    code: 'BC109',
    reason: `changes the format of ${label} from ${from} to ${to}; the editor and stored representation change`,
  }),
  displayName: safe,
  description: safe,
  group: safe,
  sortOrder: safe,
  indexingType: safe,
  displayMode: safe,
  editorSettings: safe,
  imageDescriptor: safe,
  /** Added or removed only with a change of `type` to or from `array`, which carries the risk. */
  items: safe,
} as const satisfies { [K in keyof Required<PropertyDef>]: PropertyChangeRule };

/** The risk of one member change of a content type; undefined when the change is safe. */
export function contentTypeFinding(change: DefinitionChange, before: ContentTypeDef, after: ContentTypeDef): Finding | undefined {
  const { property, member } = change;
  if (property === undefined) {
    const name = member ?? '';
    return ruleOf(TYPE_CHANGES, name, 'content type')(change, name);
  }
  if (member === undefined) {
    if (change.op === 'remove') return { code: 'DS102', reason: `removes property "${property}" and its values in all content` };
    const added = isPlainObject(change.after) ? change.after : {};
    return added.required === true
      ? { code: 'BC101', reason: `adds required property "${property}"; existing content has no value for it` }
      : undefined;
  }
  const inItems = member.startsWith('items.');
  const field = inItems ? member.slice('items.'.length) : member;
  const valueType = (definition: ContentTypeDef): PropertyType | undefined => {
    const definitionProperty = definition.properties[property];
    return inItems ? definitionProperty?.items?.type : definitionProperty?.type;
  };
  return ruleOf(
    PROPERTY_CHANGES,
    field,
    'property',
  )(change, {
    property,
    inItems,
    label: inItems ? `items of "${property}"` : `"${property}"`,
    type: valueType(after) ?? valueType(before),
    from: show(change.before),
    to: show(change.after),
  });
}

function ruleOf<R>(table: Readonly<Record<string, R>>, member: string, owner: string): R {
  if (!Object.hasOwn(table, member)) throw new InternalError(`no change rule for the ${owner} member "${member}"`);
  return table[member]!;
}

function immutableChange(change: DefinitionChange, member: string): Finding {
  return {
    code: 'DS108',
    reason: `${member} is immutable (${show(change.before)} → ${show(change.after)}); only deleting and re-creating the type could change it, losing its content`,
  };
}

function bound(
  change: DefinitionChange,
  context: PropertyChangeContext,
  field: string,
  direction: 'raised' | 'lowered',
): Finding | undefined {
  return tightened(change, context.type, direction) ? constraintFinding(field, context.label, context.from, context.to) : undefined;
}

/**
 * Whether a bound moved in the direction that rejects values it accepted: a bound appearing
 * always does; a bound that cannot be compared (an invalid date) counts as tightened.
 */
function tightened(change: DefinitionChange, type: PropertyType | undefined, direction: 'raised' | 'lowered'): boolean {
  if (change.op === 'add') return true;
  if (change.op === 'remove') return false;
  const before = toNumber(change.before, type);
  const after = toNumber(change.after, type);
  if (before === undefined || after === undefined) return true;
  return direction === 'raised' ? after > before : after < before;
}

function toNumber(value: unknown, type: PropertyType | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return comparable(type === 'dateTime' ? 'dateTime' : 'string', value);
  return undefined;
}

function constraintFinding(field: string, label: string, from: string, to: string): Finding {
  return { code: 'BC102', reason: `tightens ${field} of ${label} (${from} → ${to}); existing values outside it become invalid` };
}

function enumFinding(change: DefinitionChange, label: string): Finding | undefined {
  if (change.op === 'remove') return undefined;
  if (change.op === 'add') return { code: 'BC103', reason: `limits ${label} to a list of values; other existing values become invalid` };
  const values = (entries: unknown) => (Array.isArray(entries) ? (entries as EnumValue[]).map((entry) => entry.value) : []);
  const remaining = new Set(values(change.after));
  const removed = values(change.before).filter((value) => !remaining.has(value));
  return removed.length > 0
    ? { code: 'BC103', reason: `removes enum value ${list(removed.map(String))} from ${label}; content using it becomes invalid` }
    : undefined;
}

function show(value: unknown): string {
  return value === undefined ? 'none' : typeof value === 'string' ? value : JSON.stringify(value);
}

function list(entries: readonly string[]): string {
  return entries.map((entry) => `"${entry}"`).join(', ');
}
