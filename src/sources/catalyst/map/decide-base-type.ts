import type { BaseType } from '../../../core/model.js';

/** The base types Catalyst Studio's later schema names in `ContentType.category`. */
export const CATALYST_CATEGORIES = ['page', 'component', 'folder'] as const;
export type CatalystCategory = (typeof CATALYST_CATEGORIES)[number];

const BASE_TYPE_OF: Record<CatalystCategory, BaseType> = { page: '_page', component: '_component', folder: '_folder' };

export interface BaseTypeEvidence {
  override?: CatalystCategory;
  /** The HEAD-era `ContentType.category` column. */
  categoryColumn?: string | null;
  /** `settings.category`; in the PoC era AI tools write a website category there (e.g. "blog"). */
  settingsCategory?: unknown;
  fieldNames: readonly string[];
  itemCount: number;
  itemsWithSlug: number;
}

/**
 * The PoC era has no page/component flag, so the base type is decided from evidence, in order:
 * an override; a `category` (column or settings) that names a base type; a field named `slug`
 * (a routable type); content items that have a slug; otherwise `_component`. `_folder` is never
 * guessed: a Catalyst type always models content, and a folder holds no properties.
 */
export function decideBaseType(evidence: BaseTypeEvidence): { baseType: BaseType; reason: string } {
  if (evidence.override) return { baseType: BASE_TYPE_OF[evidence.override], reason: `set by --base-type (${evidence.override})` };
  if (isCategory(evidence.categoryColumn)) {
    return { baseType: BASE_TYPE_OF[evidence.categoryColumn], reason: `ContentType.category is "${evidence.categoryColumn}"` };
  }
  if (isCategory(evidence.settingsCategory)) {
    return { baseType: BASE_TYPE_OF[evidence.settingsCategory], reason: `settings.category is "${evidence.settingsCategory}"` };
  }
  const slug = evidence.fieldNames.find((name) => name.toLowerCase() === 'slug');
  if (slug !== undefined) return { baseType: '_page', reason: `field "${slug}" makes it addressable by URL` };
  if (evidence.itemsWithSlug > 0) {
    return { baseType: '_page', reason: `${evidence.itemsWithSlug} of its ${evidence.itemCount} content item(s) have a slug` };
  }
  return { baseType: '_component', reason: 'no slug field and no content item with a slug, so it is not addressable by URL' };
}

export function isCategory(value: unknown): value is CatalystCategory {
  return typeof value === 'string' && (CATALYST_CATEGORIES as readonly string[]).includes(value);
}

export function categoryOf(baseType: BaseType | null): CatalystCategory | undefined {
  return (Object.keys(BASE_TYPE_OF) as CatalystCategory[]).find((category) => BASE_TYPE_OF[category] === baseType);
}
