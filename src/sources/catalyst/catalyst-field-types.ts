/** The field vocabulary of Catalyst Studio and the values the mapping writes for it. */

/** The `pattern` an `email` field gets: Optimizely has no email type, so the format is kept as a pattern. */
export const EMAIL_PATTERN = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';

export const IMAGE_TYPES = ['_image'] as const;
export const MEDIA_TYPES = ['_image', '_media', '_video'] as const;

/** Every field type the importer knows, from all four vocabularies (UI, AI tool, seed, PoC transformer). */
export const CATALYST_FIELD_TYPES = [
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
  'gallery',
  'media',
  'reference',
  'relation',
  'select',
  'multiselect',
  'tags',
  'json',
  'url',
  'array',
  'object',
] as const;
export type CatalystFieldType = (typeof CATALYST_FIELD_TYPES)[number];

/** Item types an `array` field may name in `itemType`: the single-value field types. */
export const ITEM_FIELD_TYPES = new Set<string>([
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
]);
