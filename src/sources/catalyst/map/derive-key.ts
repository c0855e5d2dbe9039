/** Optimizely's key rule for content types and (by the same rule, see API-NOTES §7) properties. */
export const KEY_PATTERN = /^[A-Za-z][_0-9A-Za-z]+$/;
export const KEY_MAX_LENGTH = 255;

export function isValidKey(key: string): boolean {
  return KEY_PATTERN.test(key) && key.length <= KEY_MAX_LENGTH;
}

/**
 * A content type key from a Catalyst name: words (runs of ASCII letters and digits after
 * stripping accents) joined in PascalCase, the case inside a word kept ("Blog Post" → BlogPost,
 * "FAQ entry" → FAQEntry). A result that does not start with a letter or is shorter than two
 * characters gets the prefix `Type`. `undefined` when the name has no letter or digit at all.
 */
export function toTypeKey(name: string): string | undefined {
  const words = wordsOf(name);
  if (words.length === 0) return undefined;
  const key = words.map(capitalize).join('');
  return fit(/^[A-Za-z]/.test(key) && key.length >= 2 ? key : `Type${capitalize(key)}`);
}

/**
 * A property key from a Catalyst field name. Names that are already valid keys are kept exactly
 * (they are also the keys of the content items' data); others are joined in camelCase, with the
 * prefix `field` when the result does not start with a letter or is too short.
 */
export function toPropertyKey(name: string): string | undefined {
  if (isValidKey(name)) return name;
  const words = wordsOf(name);
  if (words.length === 0) return undefined;
  const [first = '', ...rest] = words;
  const key = lowerFirst(first) + rest.map(capitalize).join('');
  return fit(/^[A-Za-z]/.test(key) && key.length >= 2 ? key : `field${capitalize(key)}`);
}

/** PascalCase words of any text, for generated names (website prefixes, nested types). */
export function pascalWords(text: string): string {
  return wordsOf(text).map(capitalize).join('');
}

function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function lowerFirst(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}

function fit(key: string): string {
  return key.slice(0, KEY_MAX_LENGTH);
}
