import { isJsonObject, type JsonObject } from '../json.js';
import { BASE_TYPES, baseTypeToWire, type Dialect } from '../dialect/dialect.js';
import type { DisplaySettingChoiceDoc, DisplaySettingDoc, DisplayTemplateDoc } from '../store/documents.js';
import { Checker, compact, KEY_PATTERN } from './checker.js';
import type { ValidationResult } from './validate-content-type.js';

const KEY_RULE = { pattern: KEY_PATTERN, patternText: '^[A-Za-z][_0-9A-Za-z]+$' } as const;

/** Display template rules [P2][P3][V1]: keys and targets by pattern, settings and choices need display names. */
export function validateDisplayTemplate(value: JsonObject, dialect: Dialect): ValidationResult<DisplayTemplateDoc> {
  const check = new Checker(dialect);
  const key = check.string(value, 'key', 'key', { required: true, minLength: 2, maxLength: 255, ...KEY_RULE });
  const doc: DisplayTemplateDoc = compact({
    key: key ?? '',
    displayName: check.string(value, 'displayName', 'displayName', { required: true, maxLength: 255 }) ?? '',
    nodeType: check.string(value, 'nodeType', 'nodeType', { minLength: 2, maxLength: 50, ...KEY_RULE }),
    baseType: readBaseType(check, value, dialect),
    contentType: check.string(value, 'contentType', 'contentType', { minLength: 2, maxLength: 255, ...KEY_RULE }),
    isDefault: check.boolean(value, 'isDefault', 'isDefault'),
    settings: readSettings(check, value),
  });
  return check.errors.length === 0 ? { ok: true, doc } : { ok: false, errors: check.errors };
}

/**
 * A base type in the dialect's spelling. preview2 parses it as an enum, which ASP.NET reads
 * without regard to case ("Section" in a real project) [P2][CORPUS].
 */
function readBaseType(check: Checker, value: JsonObject, dialect: Dialect): string | undefined {
  const given = check.string(value, 'baseType', 'baseType');
  if (given === undefined) return undefined;
  const v1 = dialect.bareBaseTypes ? `_${given.toLowerCase()}` : given;
  if ((BASE_TYPES as readonly string[]).includes(v1)) return v1;
  check.fail(
    'baseType',
    `'${given}' is not a base type; use one of ${BASE_TYPES.map((type) => baseTypeToWire(dialect, type)).join(', ')}.`,
  );
  return undefined;
}

function readSettings(check: Checker, value: JsonObject): Record<string, DisplaySettingDoc> | undefined {
  const settings = check.object(value, 'settings', 'settings');
  if (settings === undefined) return undefined;
  const result: Record<string, DisplaySettingDoc> = {};
  for (const [key, setting] of Object.entries(settings)) {
    const path = `settings.${key}`;
    if (!isJsonObject(setting)) {
      check.mismatch(path);
      continue;
    }
    result[key] = compact({
      displayName: check.string(setting, 'displayName', `${path}.displayName`, { required: true, maxLength: 255 }) ?? '',
      editor: check.string(setting, 'editor', `${path}.editor`, { maxLength: 50 }),
      sortOrder: check.int32(setting, 'sortOrder', `${path}.sortOrder`),
      choices: readChoices(check, setting, path),
    });
  }
  return result;
}

function readChoices(check: Checker, setting: JsonObject, path: string): Record<string, DisplaySettingChoiceDoc> | undefined {
  const choices = check.object(setting, 'choices', `${path}.choices`);
  if (choices === undefined) return undefined;
  const result: Record<string, DisplaySettingChoiceDoc> = {};
  for (const [key, choice] of Object.entries(choices)) {
    const at = `${path}.choices.${key}`;
    if (!isJsonObject(choice)) {
      check.mismatch(at);
      continue;
    }
    result[key] = compact({
      displayName: check.string(choice, 'displayName', `${at}.displayName`, { required: true, maxLength: 255 }) ?? '',
      sortOrder: check.int32(choice, 'sortOrder', `${at}.sortOrder`),
    });
  }
  return result;
}
