import { RESOURCE_KEY_PATTERN } from './validate-desired.js';

/**
 * Why a key that came from outside (a CMS, a source database) cannot be used as a resource key,
 * and so never as a file name; undefined when it can. The rules are those of keys in YAML
 * (RESOURCE_KEY_PATTERN, at most 255 characters), which also keep a key from naming a path: no
 * separators, no dots, no leading underscore.
 */
export function unsafeKeyReason(key: unknown): string | undefined {
  if (typeof key !== 'string' || key.length === 0) return 'the key is missing';
  if (key.length > 255) return `the key is ${key.length} characters long (at most 255)`;
  if (/[/\\]|\.\./.test(key)) return 'the key names a path (it holds "/", "\\" or "..")';
  if (key.startsWith('_')) return 'keys starting with "_" are reserved for the platform';
  if (!RESOURCE_KEY_PATTERN.test(key)) return 'keys are a letter then letters, digits or "_" (^[A-Za-z][_0-9A-Za-z]+$)';
  return undefined;
}
