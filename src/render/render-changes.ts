import type { ClassifiedChange, DefinitionChange } from '../core/generated/plan.js';
import type { ContentTypeDef, PropertyDef, PropertyGroupDef } from '../core/model.js';
import { formatPropertySummary, formatValue } from './format-value.js';
import type { Style } from './style.js';

/** Lines for member changes, one each, with the risk code and reason of risky ones. */
export function renderChanges(changes: ReadonlyArray<DefinitionChange | ClassifiedChange>, style: Style, indent: string): string[] {
  return changes.map((change) => `${indent}${describeChange(change, style)}${riskNote(change, style)}`);
}

function riskNote(change: DefinitionChange | ClassifiedChange, style: Style): string {
  if (!('risk' in change) || change.risk === 'safe') return '';
  const code = change.code ? `${change.code} ` : '';
  const reason = change.reason ? `: ${change.reason}` : '';
  return `  ${style.warning(`# ${code}${change.risk}${reason}`)}`;
}

function describeChange(change: DefinitionChange, style: Style): string {
  const wholeProperty = change.property !== undefined && change.member === undefined;
  switch (change.op) {
    case 'add':
      return `${style.create('+')} ${change.path}: ${wholeProperty ? formatPropertySummary(change.after as PropertyDef) : formatValue(change.after)}`;
    case 'remove':
      return `${style.remove('-')} ${change.path}: ${wholeProperty ? formatPropertySummary(change.before as PropertyDef) : formatValue(change.before)}`;
    case 'change': {
      if (change.added || change.removed) {
        const parts = [...(change.added ?? []).map((entry) => style.create(`+${entry}`)), ...(change.removed ?? []).map((entry) => style.remove(`-${entry}`))];
        return `${style.update('~')} ${change.path}: ${parts.join(' ')}`;
      }
      return `${style.update('~')} ${change.path}: ${formatValue(change.before)} → ${formatValue(change.after)}`;
    }
    default: {
      const unknown: never = change.op;
      throw new Error(`Internal error: unknown change op ${String(unknown)}. This is a bug in catalyst.`);
    }
  }
}

/** The whole definition of a created or deleted resource, a member per line. */
export function renderDefinition(def: ContentTypeDef | PropertyGroupDef, style: Style, indent: string): string[] {
  const lines: string[] = [];
  for (const [member, value] of Object.entries(def)) {
    if (member === 'key' || member === 'properties' || value === undefined || value === null) continue;
    lines.push(`${indent}${member}: ${formatValue(value)}`);
  }
  if ('properties' in def) {
    const entries = Object.entries(def.properties);
    if (entries.length > 0) lines.push(`${indent}properties:`);
    for (const [key, property] of entries.sort(bySortOrder)) lines.push(`${indent}  ${key}: ${formatPropertySummary(property)}`);
  }
  return lines.map((line) => style.muted(line));
}

function bySortOrder([a, left]: [string, PropertyDef], [b, right]: [string, PropertyDef]): number {
  const order = (left.sortOrder ?? 0) - (right.sortOrder ?? 0);
  return order !== 0 ? order : a < b ? -1 : a > b ? 1 : 0;
}
