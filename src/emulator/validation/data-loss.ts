import type { FieldError } from '../http/problem.js';
import { wirePath, type Dialect } from '../dialect/dialect.js';
import type { ContentTypeDoc, PropertyDoc } from '../store/documents.js';

/**
 * Changes the server refuses unless the client overrides its data-loss check: removing a
 * property, changing a property's `type`, `items.type` or component `contentType`, and toggling
 * localization. No official list exists; this is the rule API-NOTES.md derives from the docs and
 * live observations [DOC][3P][INF]. Metadata (names, descriptions, order, groups, enum order) is free.
 */
export function findDataLoss(before: ContentTypeDoc, after: ContentTypeDoc, dialect: Dialect): FieldError[] {
  const findings: FieldError[] = [];
  const add = (path: string, detail: string) => findings.push({ field: wirePath(dialect, path), detail });
  for (const [key, old] of Object.entries(before.properties)) {
    const path = `properties.${key}`;
    const next = after.properties[key];
    if (next === undefined) {
      add(path, `Removing the property '${key}' deletes its values in every content item.`);
      continue;
    }
    if (old.type !== next.type)
      add(`${path}.type`, `Changing the type of '${key}' from '${old.type}' to '${next.type}' may lose its values.`);
    if (old.items?.type !== next.items?.type && old.items !== undefined && next.items !== undefined) {
      add(`${path}.items.type`, `Changing the item type of '${key}' from '${old.items.type}' to '${next.items.type}' may lose its values.`);
    }
    if (componentType(old) !== componentType(next) && componentType(old) !== undefined) {
      add(
        old.type === 'array' ? `${path}.items.contentType` : `${path}.contentType`,
        `Changing the component type of '${key}' from '${componentType(old)}' to '${componentType(next) ?? '(none)'}' may lose its values.`,
      );
    }
    if ((old.isLocalized ?? false) !== (next.isLocalized ?? false)) {
      add(`${path}.isLocalized`, `Turning localization ${next.isLocalized ? 'on' : 'off'} for '${key}' may lose values in other locales.`);
    }
  }
  return findings;
}

/** The component type a property holds, directly or as array items. */
function componentType(property: PropertyDoc): string | undefined {
  if (property.type === 'component') return property.contentType;
  if (property.type === 'array' && property.items?.type === 'component') return property.items.contentType;
  return undefined;
}

/** The server's wording, which clients (the official CLI included) recognise by its last sentence [CLI][3P]. */
export function dataLossMessage(key: string): string {
  return `The changes to '${key}' are considered breaking and could potentially result in data loss. Use the 'ignoreDataLossWarnings' option to apply the changes anyway.`;
}
