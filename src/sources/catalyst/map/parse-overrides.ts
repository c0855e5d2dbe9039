import type { Diagnostic } from '../../../core/diagnostic.js';
import { CATALYST_CODES } from '../catalyst-diagnostics.js';
import { isCategory } from './decide-base-type.js';
import type { CatalystOverrides } from './imported-type.js';

/** `--base-type Key=page` and `--number Key.prop=integer` as overrides; malformed ones are diagnostics. */
export function parseOverrides(
  baseTypes: readonly string[],
  numbers: readonly string[],
): { value: CatalystOverrides; diagnostics: Diagnostic[] } {
  const value: CatalystOverrides = { baseTypes: {}, numbers: {} };
  const diagnostics: Diagnostic[] = [];
  for (const option of baseTypes) {
    const [key, category] = option.split('=');
    if (key && isCategory(category)) value.baseTypes[key] = category;
    else diagnostics.push(malformed(`--base-type ${option}`, '<Key>=page|component|folder, e.g. --base-type BlogPost=page'));
  }
  for (const option of numbers) {
    const [path, type] = option.split('=');
    if (path && /^[^.]+\.[^.]+$/.test(path) && (type === 'integer' || type === 'float')) value.numbers[path] = type;
    else diagnostics.push(malformed(`--number ${option}`, '<Key>.<property>=integer|float, e.g. --number Product.stock=integer'));
  }
  return { value, diagnostics };
}

function malformed(option: string, form: string): Diagnostic {
  return {
    code: CATALYST_CODES.badOverride,
    severity: 'error',
    summary: `Malformed ${option}`,
    detail: `${option} is not of the form ${form}. Fix the option and run again.`,
  };
}
