import type { FieldError } from '../http/problem.js';
import { BASE_TYPES, wirePath, type Dialect } from '../dialect/dialect.js';
import type { ContentTypeDoc, ValueDoc } from '../store/documents.js';

/**
 * With `strictReferences`, every type a definition names must exist: `mayContainTypes`,
 * `allowedTypes`/`restrictedTypes`, component `contentType` and `contracts`. The real rule is
 * undocumented and real projects reference types they do not define [CORPUS], so by default the
 * emulator does not check (FIDELITY.md). `*`, base types in any spelling and the type itself are
 * always known.
 */
export function findUnknownReferences(doc: ContentTypeDoc, isKnown: (key: string) => boolean, dialect: Dialect): FieldError[] {
  const problems: FieldError[] = [];
  const known = (reference: string) => reference === '*' || reference === doc.key || isBaseType(reference) || isKnown(reference);
  const check = (path: string, references: readonly string[] | undefined) => {
    references?.forEach((reference, index) => {
      if (!known(reference)) {
        problems.push({ field: wirePath(dialect, `${path}[${index}]`), detail: `The content type '${reference}' does not exist.` });
      }
    });
  };
  const checkValue = (path: string, value: ValueDoc) => {
    check(`${path}.allowedTypes`, value.allowedTypes);
    check(`${path}.restrictedTypes`, value.restrictedTypes);
    if (value.contentType !== undefined && !known(value.contentType)) {
      problems.push({ field: wirePath(dialect, `${path}.contentType`), detail: `The content type '${value.contentType}' does not exist.` });
    }
  };
  check('mayContainTypes', doc.mayContainTypes);
  check('contracts', doc.contracts);
  for (const [key, property] of Object.entries(doc.properties)) {
    checkValue(`properties.${key}`, property);
    if (property.items !== undefined) checkValue(`properties.${key}.items`, property.items);
  }
  return problems;
}

/** Every key a definition names as a type, for the reverse check when a type is deleted. */
export function referencedKeys(doc: ContentTypeDoc): Set<string> {
  const keys = new Set<string>([...(doc.mayContainTypes ?? []), ...(doc.contracts ?? [])]);
  const addValue = (value: ValueDoc) => {
    for (const key of [...(value.allowedTypes ?? []), ...(value.restrictedTypes ?? [])]) keys.add(key);
    if (value.contentType !== undefined) keys.add(value.contentType);
  };
  for (const property of Object.values(doc.properties)) {
    addValue(property);
    if (property.items !== undefined) addValue(property.items);
  }
  keys.delete(doc.key);
  return keys;
}

/** `_image` (v1) and `image`/`Image` (preview2 and older projects) both name a base type. */
function isBaseType(reference: string): boolean {
  const bare = reference.replace(/^_/, '').toLowerCase();
  return BASE_TYPES.some((type) => type.slice(1) === bare);
}
