import { isJsonObject, type Json, type JsonObject } from './json.js';

/**
 * RFC 7396 JSON Merge Patch: objects merge member by member, `null` removes a member, anything
 * else (arrays included) replaces. Returns a new value; neither argument is modified.
 */
export function applyMergePatch(target: Json | undefined, patch: Json): Json {
  if (!isJsonObject(patch)) return patch;
  const result: JsonObject = {};
  if (isJsonObject(target)) for (const [key, value] of Object.entries(target)) define(result, key, value);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else {
      define(result, key, applyMergePatch(Object.hasOwn(result, key) ? result[key] : undefined, value));
    }
  }
  return result;
}

/** Plain assignment would treat a member named "__proto__" as the prototype; JSON says it is data. */
function define(object: JsonObject, key: string, value: Json): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
