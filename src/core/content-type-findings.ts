import { asStringList, isPlainObject } from './definition-shape.js';
import type { DefinitionChange, RiskCode } from './generated/plan.js';
import type { ContentTypeDef, EnumValue, PropertyType } from './model.js';
import { comparable } from './validate-property.js';

/** A risky change: its stable code (risk-codes.ts) and a one-line reason. */
export interface Finding {
  code: RiskCode;
  reason: string;
}

/** The risk of one member change of a content type; undefined when the change is safe. */
export function contentTypeFinding(change: DefinitionChange, before: ContentTypeDef, after: ContentTypeDef): Finding | undefined {
  const { property, member } = change;
  if (property === undefined) return typeLevelFinding(change, member ?? '');
  if (member === undefined) {
    if (change.op === 'remove') return { code: 'DS102', reason: `removes property "${property}" and its values in all content` };
    const added = isPlainObject(change.after) ? change.after : {};
    return added.required === true ? { code: 'BC101', reason: `adds required property "${property}"; existing content has no value for it` } : undefined;
  }
  const inItems = member.startsWith('items.');
  const field = inItems ? member.slice('items.'.length) : member;
  const label = inItems ? `items of "${property}"` : `"${property}"`;
  const valueType = (definition: ContentTypeDef): PropertyType | undefined => {
    const definitionProperty = definition.properties[property];
    return inItems ? definitionProperty?.items?.type : definitionProperty?.type;
  };
  const type = valueType(after) ?? valueType(before);
  const from = show(change.before);
  const to = show(change.after);
  switch (field) {
    case 'type':
      return inItems
        ? { code: 'DS104', reason: `changes the item type of "${property}" from ${from} to ${to}; existing values may not convert` }
        : { code: 'DS103', reason: `changes the type of "${property}" from ${from} to ${to}; existing values may not convert` };
    case 'contentType':
      return change.op === 'change' ? { code: 'DS105', reason: `changes the component type of ${label} from ${from} to ${to}; existing values are dropped` } : undefined;
    case 'localized':
      return { code: 'DS106', reason: `turns localization of "${property}" ${change.after === true ? 'on' : 'off'}; the platform re-stores its values and may drop some` };
    case 'required':
      return change.after === true ? { code: 'BC101', reason: `makes "${property}" required; existing content without a value becomes invalid` } : undefined;
    case 'minLength':
    case 'minimum':
    case 'minItems':
      return tightened(change, type, 'raised') ? constraintFinding(field, label, from, to) : undefined;
    case 'maxLength':
    case 'maximum':
    case 'maxItems':
      return tightened(change, type, 'lowered') ? constraintFinding(field, label, from, to) : undefined;
    case 'pattern':
      return change.op === 'remove' ? undefined : constraintFinding(field, label, from, to);
    case 'enum':
      return enumFinding(change, label);
    case 'allowedTypes':
      if (change.op === 'remove') return undefined;
      if (change.op === 'add') return { code: 'BC104', reason: `restricts ${label} to ${list(asStringList(change.after))}; references to other types become invalid` };
      return (change.removed ?? []).length > 0 ? { code: 'BC104', reason: `no longer allows ${list(change.removed ?? [])} in ${label}; existing references to them become invalid` } : undefined;
    case 'restrictedTypes': {
      const added = change.op === 'add' ? asStringList(change.after) : (change.added ?? []);
      return added.length > 0 ? { code: 'BC104', reason: `newly forbids ${list(added)} in ${label}; existing references to them become invalid` } : undefined;
    }
    case 'format':
      return { code: 'BC109', reason: `changes the format of ${label} from ${from} to ${to}; the editor and stored representation change` };
    default:
      return undefined;
  }
}

function typeLevelFinding(change: DefinitionChange, member: string): Finding | undefined {
  switch (member) {
    case 'key':
    case 'baseType':
    case 'isContract':
      return { code: 'DS108', reason: `${member} is immutable (${show(change.before)} → ${show(change.after)}); only deleting and re-creating the type could change it, losing its content` };
    case 'mayContainTypes':
      return (change.removed ?? []).length > 0 ? { code: 'BC105', reason: `no longer allows ${list(change.removed ?? [])} as children; existing children of those types become invalid` } : undefined;
    case 'compositionBehaviors':
      return (change.removed ?? []).length > 0 ? { code: 'BC106', reason: `removes composition behavior ${list(change.removed ?? [])}; existing uses become invalid` } : undefined;
    case 'contracts':
      return (change.removed ?? []).length > 0 ? { code: 'BC107', reason: `stops implementing ${list(change.removed ?? [])}; queries and content relying on the contract break` } : undefined;
    case 'accessRights':
      return { code: 'BC108', reason: 'changes who may create content of this type' };
    default:
      return undefined;
  }
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
  return removed.length > 0 ? { code: 'BC103', reason: `removes enum value ${list(removed.map(String))} from ${label}; content using it becomes invalid` } : undefined;
}

function show(value: unknown): string {
  return value === undefined ? 'none' : typeof value === 'string' ? value : JSON.stringify(value);
}

function list(entries: readonly string[]): string {
  return entries.map((entry) => `"${entry}"`).join(', ');
}
