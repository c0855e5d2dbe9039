import { BASE_TYPES, type ContentTypeDef, type DisplayTemplateDef, type ResourceKind, type ValueConstraints } from './model.js';
import { assertNever } from './assert-never.js';

/**
 * How one content type names another resource.
 * Hard references must exist before the referencing type can be written (and must outlive it):
 * a component property's `contentType`, an implemented contract, a property's group, the
 * content type a display template applies to (`template`).
 * Soft references only restrict what editors may pick: `allowedTypes`, `restrictedTypes`,
 * `mayContainTypes`. A soft reference may be added after both types exist.
 */
export const REFERENCE_KINDS = ['component', 'contract', 'group', 'template', 'allowedType', 'restrictedType', 'mayContain'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface Reference {
  kind: ReferenceKind;
  /** The key named. For a set-like list, one reference per entry. */
  target: string;
  /** The kind of resource `target` names. */
  targetKind: ResourceKind;
  /** Where the reference is written, e.g. "properties.hero.items.contentType". */
  path: string;
  hard: boolean;
}

export function isHardReference(kind: ReferenceKind): boolean {
  switch (kind) {
    case 'component':
    case 'contract':
    case 'group':
    case 'template':
      return true;
    case 'allowedType':
    case 'restrictedType':
    case 'mayContain':
      return false;
    default:
      return assertNever(kind, 'reference kind');
  }
}

/** `*` and base types (`_page`, …) are platform vocabulary, not resources: they never need creating. */
export function isPlatformTypeName(name: string): boolean {
  return name === '*' || (BASE_TYPES as readonly string[]).includes(name);
}

/** Every reference a content type makes, in a deterministic order (properties sorted by key). */
export function contentTypeReferences(def: ContentTypeDef): Reference[] {
  const references: Reference[] = [];
  const add = (kind: ReferenceKind, targetKind: ResourceKind, target: string, path: string) =>
    references.push({ kind, target, targetKind, path, hard: isHardReference(kind) });

  for (const target of def.contracts ?? []) add('contract', 'contentType', target, 'contracts');
  for (const target of def.mayContainTypes ?? []) add('mayContain', 'contentType', target, 'mayContainTypes');
  for (const key of Object.keys(def.properties ?? {}).sort()) {
    const property = def.properties[key];
    if (!property) continue;
    const path = `properties.${key}`;
    if (property.group) add('group', 'propertyGroup', property.group, `${path}.group`);
    addConstraintReferences(property, path, add);
    if (property.items) addConstraintReferences(property.items, `${path}.items`, add);
  }
  return references;
}

function addConstraintReferences(
  value: ValueConstraints,
  path: string,
  add: (kind: ReferenceKind, targetKind: ResourceKind, target: string, path: string) => void,
): void {
  if (value.contentType) add('component', 'contentType', value.contentType, `${path}.contentType`);
  for (const target of value.allowedTypes ?? []) add('allowedType', 'contentType', target, `${path}.allowedTypes`);
  for (const target of value.restrictedTypes ?? []) add('restrictedType', 'contentType', target, `${path}.restrictedTypes`);
}

/** The content type a display template applies to, if it names one. */
export function displayTemplateReferences(def: DisplayTemplateDef): Reference[] {
  return def.contentType ? [{ kind: 'template', target: def.contentType, targetKind: 'contentType', path: 'contentType', hard: true }] : [];
}
