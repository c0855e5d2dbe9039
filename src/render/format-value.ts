import type { ItemDef, PropertyDef } from '../core/model.js';

/** A value as one short line: strings quoted, lists and objects as compact JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/** A property's type in one word, e.g. `string`, `array<contentReference>`, `component<Hero>`. */
export function formatPropertyType(property: PropertyDef | ItemDef): string {
  if (property.type === 'array' && 'items' in property && property.items) return `array<${formatPropertyType(property.items)}>`;
  if (property.type === 'component' && property.contentType) return `component<${property.contentType}>`;
  return property.format ? `${property.type}(${property.format})` : property.type;
}

const DETAIL_MEMBERS = ['required', 'localized'] as const;

/** A property as one line: its type and the facts a reviewer looks for first. */
export function formatPropertySummary(property: PropertyDef): string {
  const facts: string[] = [formatPropertyType(property)];
  for (const member of DETAIL_MEMBERS) if (property[member]) facts.push(member);
  if (property.displayName) facts.push(JSON.stringify(property.displayName));
  return facts.join(', ');
}
