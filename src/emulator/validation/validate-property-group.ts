import type { JsonObject } from '../json.js';
import type { Dialect } from '../dialect/dialect.js';
import type { PropertyGroupDoc } from '../store/documents.js';
import { Checker, compact, KEY_PATTERN } from './checker.js';
import type { ValidationResult } from './validate-content-type.js';

/** Group keys the service refuses, compared without case [3P]. */
const RESERVED_GROUP_KEYS = ['content', 'settings'];

export function validatePropertyGroup(value: JsonObject, dialect: Dialect): ValidationResult<PropertyGroupDoc> {
  const check = new Checker(dialect);
  const key = check.string(value, 'key', 'key', {
    required: true,
    minLength: 2,
    maxLength: 255,
    pattern: KEY_PATTERN,
    patternText: '^[A-Za-z][_0-9A-Za-z]+$',
  });
  if (key !== undefined && RESERVED_GROUP_KEYS.includes(key.toLowerCase())) {
    check.fail('key', `The TabDefinition name '${key.toLowerCase()}' is reserved and cannot be used.`);
  }
  const displayName = check.string(value, 'displayName', 'displayName', { required: dialect.id === 'v1', maxLength: 255 });
  const doc: PropertyGroupDoc = compact({
    key: key ?? '',
    displayName: displayName ?? key ?? '',
    sortOrder: check.int32(value, 'sortOrder', 'sortOrder'),
  });
  return check.errors.length === 0 ? { ok: true, doc } : { ok: false, errors: check.errors };
}
