import { CORE_SCHEMA, load } from 'js-yaml';

/**
 * The fast reader for the common case: a YAML file written as plain YAML 1.2 (no anchors or
 * aliases, no directives, no complex keys) read straight to values by js-yaml, without the
 * syntax tree the `yaml` library builds for positions and comments (about three times faster,
 * and nothing kept in memory after).
 *
 * Returns the mapping only where the full reader (`yaml`'s `parseDocument` + `toJS` with the
 * options `parseContentTypeText` uses) gives the same value; `undefined` otherwise (an error, a
 * warning that reader would give, a feature the two read differently), and the caller then uses
 * the full reader, which also names the line and column. test/io/read-plain-yaml.test.ts compares
 * both readers on generated documents.
 */
export function readPlainYaml(text: string): Record<string, unknown> | undefined {
  // A directive (`%YAML 1.1`) changes how the rest reads; a tag may be one the full reader only warns about.
  if (DIRECTIVE.test(text) || TAG.test(text) || LONE_CR.test(text) || TAB_INDENT.test(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, maxAliases: 0 });
  } catch {
    return undefined;
  }
  if (!isPlainMapping(value) || !keysReadAlike(value)) return undefined;
  return value;
}

const DIRECTIVE = /^%/m;
/** A line break the full reader does not take as one (a CR without LF), and tabs where indentation goes: the readers differ. */
const LONE_CR = /\r(?!\n)/;
const TAB_INDENT = /^ *\t/m;
/** A YAML 1.2 core number: js-yaml keeps one that overflows (`1e400`) as a string, the full reader makes it Infinity. */
const NUMBER = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^0o[0-7]+$|^0x[0-9a-fA-F]+$/;
const TAG = /(?:^|[\s[{,])!/;

function isPlainMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A `null` key (`~:`, `null:`) becomes `""` in the full reader and `"null"` in js-yaml; `<<` is a
 * merge there and a plain key here; a string that reads as a number may be an overflowing one
 * (or a quoted one: the values do not say which). Any of them anywhere sends the file to the full reader.
 */
function keysReadAlike(value: unknown): boolean {
  if (typeof value === 'string') return !NUMBER.test(value);
  if (Array.isArray(value)) return value.every(keysReadAlike);
  if (!isPlainMapping(value)) return true;
  for (const key of Object.keys(value)) {
    if (DIVERGENT_KEYS.has(key) || NUMBER.test(key) || !keysReadAlike(value[key])) return false;
  }
  return true;
}

const DIVERGENT_KEYS = new Set(['null', 'Null', 'NULL', '~', '', '<<', '__proto__']);
