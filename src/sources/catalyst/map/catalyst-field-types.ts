/** The field vocabulary of Catalyst Studio and the values the mapping writes for it. */

/** The `pattern` an `email` field gets: Optimizely has no email type, so the format is kept as a pattern. */
export const EMAIL_PATTERN = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';

export const IMAGE_TYPES = ['_image'] as const;
export const MEDIA_TYPES = ['_image', '_media', '_video'] as const;

/** Field types that hold one value: each maps on its own, and each may be an `array` field's `itemType`. */
export const SINGLE_VALUE_FIELD_TYPES = [
  'text',
  'textarea',
  'email',
  'richText',
  'richtext',
  'number',
  'boolean',
  'date',
  'datetime',
  'image',
  'media',
  'reference',
  'relation',
  'select',
  'json',
  'url',
] as const;
export type SingleValueFieldType = (typeof SINGLE_VALUE_FIELD_TYPES)[number];

/** Every field type the importer knows, from all four vocabularies (UI, AI tool, seed, PoC transformer). */
export const CATALYST_FIELD_TYPES = [...SINGLE_VALUE_FIELD_TYPES, 'gallery', 'multiselect', 'tags', 'array', 'object'] as const;
export type CatalystFieldType = (typeof CATALYST_FIELD_TYPES)[number];

export function isSingleValueFieldType(type: string): type is SingleValueFieldType {
  return (SINGLE_VALUE_FIELD_TYPES as readonly string[]).includes(type);
}
