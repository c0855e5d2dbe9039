import type { ClassifiedChange, DefinitionChange } from '../core/generated/plan.js';
import type { ContentTypeDef, PropertyDef, PropertyGroupDef } from '../core/model.js';
import { formatMemberValue, formatPropertySummary } from './format-value.js';
import type { Style } from './style.js';
import { compareCodeUnits } from '../core/compare-code-units.js';
import { assertNever } from '../core/assert-never.js';

/**
 * Lines for member changes, one each (`+ path: value`, `- path: value`, `~ path: before → after`,
 * `~ list: +added -removed`), a risky change followed by a line with its code, risk and reason.
 */
export function renderChanges(changes: ReadonlyArray<DefinitionChange | ClassifiedChange>, style: Style, indent: string): string[] {
  return changes.flatMap((change) => {
    const note = riskNote(change, style);
    const line = `${indent}${describeChange(change, style)}`;
    return note ? [line, `${indent}  ${note}`] : [line];
  });
}

/** `# DS102 destructive: removes property "body" …` for a risky change; '' for a safe or unclassified one. */
export function riskNote(change: DefinitionChange | ClassifiedChange, style: Style): string {
  if (!('risk' in change) || change.risk === 'safe') return '';
  const code = change.code ? `${change.code} ` : '';
  const reason = change.reason ? `: ${change.reason}` : '';
  const paint = change.risk === 'destructive' ? style.error : style.warning;
  return paint(`# ${code}${change.risk}${reason}`);
}

/** One change as one line, without its risk. */
export function describeChange(change: DefinitionChange, style: Style): string {
  const wholeProperty = change.property !== undefined && change.member === undefined;
  const show = (value: unknown) => (wholeProperty ? formatPropertySummary(value as PropertyDef) : formatMemberValue(change.member, value));
  switch (change.op) {
    case 'add':
      return `${style.create('+')} ${change.path}: ${show(change.after)}`;
    case 'remove':
      return `${style.remove('-')} ${change.path}: ${show(change.before)}`;
    case 'change': {
      if (change.added || change.removed) {
        const parts = [
          ...(change.added ?? []).map((entry) => style.create(`+${entry}`)),
          ...(change.removed ?? []).map((entry) => style.remove(`-${entry}`)),
        ];
        return `${style.update('~')} ${change.path}: ${parts.join(' ')}`;
      }
      return `${style.update('~')} ${change.path}: ${show(change.before)} → ${show(change.after)}`;
    }
    default:
      return assertNever(change.op, 'change op');
  }
}

/** The order a reviewer reads a definition's members in; members not listed follow, by name. */
const DEFINITION_ORDER = [
  'baseType',
  'isContract',
  'displayName',
  'description',
  'sortOrder',
  'mayContainTypes',
  'mediaFileExtensions',
  'compositionBehaviors',
  'contracts',
  'accessRights',
];

/**
 * The whole definition of a created or deleted resource, a member per line with the names
 * aligned, then its properties (in their sortOrder, then by key), a property per line.
 */
export function renderDefinition(def: ContentTypeDef | PropertyGroupDef, style: Style, indent: string): string[] {
  const rank = (member: string) => {
    const index = DEFINITION_ORDER.indexOf(member);
    return index === -1 ? DEFINITION_ORDER.length : index;
  };
  const members = Object.entries(def)
    .filter(([member, value]) => member !== 'key' && member !== 'properties' && value !== undefined && value !== null)
    .sort(([a], [b]) => rank(a) - rank(b) || compareCodeUnits(a, b));
  const lines = aligned(
    members.map(([member, value]) => [member, formatMemberValue(member, value)]),
    indent,
  );
  if ('properties' in def) {
    const properties = Object.entries(def.properties).sort(bySortOrder);
    if (properties.length > 0) {
      lines.push(`${indent}properties:`);
      lines.push(
        ...aligned(
          properties.map(([key, property]) => [key, formatPropertySummary(property)]),
          `${indent}  `,
        ),
      );
    }
  }
  return lines.map((line) => style.muted(line));
}

function aligned(rows: ReadonlyArray<readonly [string, string]>, indent: string): string[] {
  const width = Math.max(0, ...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${indent}${`${name}:`.padEnd(width + 1)} ${value}`);
}

function bySortOrder([a, left]: [string, PropertyDef], [b, right]: [string, PropertyDef]): number {
  return (left.sortOrder ?? 0) - (right.sortOrder ?? 0) || compareCodeUnits(a, b);
}
