import { isJsonObject, type Json, type JsonObject } from '../json.js';
import type { FieldError } from '../http/problem.js';
import { wirePath, type Dialect } from '../dialect/dialect.js';

/** The message the live service gives for a member of the wrong JSON type [3P]. */
export const TYPE_MISMATCH = 'The value did not match the expected type.';

/** Keys of content types, property groups and display templates [P2][P3]: `^[A-Za-z][_0-9A-Za-z]+$`, 2..255. */
export const KEY_PATTERN = /^[A-Za-z][_0-9A-Za-z]+$/;
/** References to types (`mayContainTypes[]`, component `contentType`) [P3]: `^[_A-Za-z][:_0-9A-Za-z]+$`, 2..255. */
export const REFERENCE_PATTERN = /^[_A-Za-z][:_0-9A-Za-z]+$/;

interface StringRule {
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  patternText?: string;
  oneOf?: readonly string[];
}

/**
 * Reads members of an unvalidated request object, collecting every problem instead of stopping
 * at the first. Paths are in store spelling and reported in the dialect's. `null` reads as absent
 * (the API does not tell null from absent), except that a required member may not be null.
 */
export class Checker {
  readonly errors: FieldError[] = [];

  constructor(
    private readonly dialect: Dialect,
    private readonly reported: ReadonlySet<string> = new Set(),
  ) {}

  fail(path: string, detail: string): void {
    if (this.reported.has(path)) return;
    this.errors.push({ field: wirePath(this.dialect, path), detail });
  }

  required(path: string): void {
    this.fail(path, `The ${lastSegment(path)} field is required.`);
  }

  string(object: JsonObject, name: string, path: string, rule: StringRule = {}): string | undefined {
    const value = object[name];
    if (value === undefined || value === null) {
      if (rule.required) this.required(path);
      return undefined;
    }
    if (typeof value !== 'string') return this.mismatch(path);
    if (rule.required && value === '') {
      this.required(path);
      return undefined;
    }
    if (rule.minLength !== undefined && value.length < rule.minLength) {
      this.fail(path, `The field ${lastSegment(path)} must be a string with a minimum length of ${rule.minLength}.`);
    } else if (rule.maxLength !== undefined && value.length > rule.maxLength) {
      this.fail(path, `The field ${lastSegment(path)} must be a string with a maximum length of ${rule.maxLength}.`);
    } else if (rule.pattern !== undefined && !rule.pattern.test(value)) {
      this.fail(path, `The field ${lastSegment(path)} must match the regular expression '${rule.patternText ?? rule.pattern.source}'.`);
    } else if (rule.oneOf !== undefined && !rule.oneOf.includes(value)) {
      this.fail(path, `'${value}' is not a valid value; use one of ${rule.oneOf.join(', ')}.`);
    } else {
      return value;
    }
    return undefined;
  }

  boolean(object: JsonObject, name: string, path: string): boolean | undefined {
    const value = object[name];
    if (value === undefined || value === null) return undefined;
    return typeof value === 'boolean' ? value : this.mismatch(path);
  }

  /** A 32-bit integer, optionally not below `minimum`. */
  int32(object: JsonObject, name: string, path: string, minimum?: number): number | undefined {
    const value = object[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < -2147483648 || value > 2147483647) return this.mismatch(path);
    if (minimum !== undefined && value < minimum) {
      this.fail(path, `The field ${lastSegment(path)} must be at least ${minimum}.`);
      return undefined;
    }
    return value;
  }

  numberOrString(object: JsonObject, name: string, path: string): number | string | undefined {
    const value = object[name];
    if (value === undefined || value === null) return undefined;
    return typeof value === 'number' || typeof value === 'string' ? value : this.mismatch(path);
  }

  stringList(object: JsonObject, name: string, path: string, rule: StringRule = {}): string[] | undefined {
    const value = object[name];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) return this.mismatch(path);
    const result: string[] = [];
    value.forEach((entry, index) => {
      const checked = this.string({ entry }, 'entry', `${path}[${index}]`, { ...rule, required: true });
      if (checked !== undefined) result.push(checked);
    });
    return result.length === value.length ? result : undefined;
  }

  object(object: JsonObject, name: string, path: string): JsonObject | undefined {
    const value = object[name];
    if (value === undefined || value === null) return undefined;
    return isJsonObject(value) ? value : this.mismatch(path);
  }

  list(object: JsonObject, name: string, path: string): Json[] | undefined {
    const value = object[name];
    if (value === undefined || value === null) return undefined;
    return Array.isArray(value) ? value : this.mismatch(path);
  }

  mismatch(path: string): undefined {
    this.fail(path, TYPE_MISMATCH);
    return undefined;
  }
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** Drops `undefined` members, so documents hold only what was given. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}
