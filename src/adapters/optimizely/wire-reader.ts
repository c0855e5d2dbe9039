import { AdapterError } from '../errors.js';

/** A JSON object as the platform sent it: nothing about its members is known yet. */
export type WireObject = Record<string, unknown>;

/**
 * Reads members of platform JSON with their types checked. A member of the wrong type is a
 * `protocol` error naming where it is (`what` says whose JSON it is, e.g. "content type 'Article'"),
 * because silently reading it as absent would turn into a phantom change in the plan.
 * `null` reads as absent: the platform spells "not set" both ways.
 */
export class WireReader {
  constructor(
    readonly what: string,
    readonly object: WireObject,
    readonly path: string = '',
  ) {}

  static of(what: string, value: unknown): WireReader {
    return new WireReader(what, expectObject(what, '', value));
  }

  has(member: string): boolean {
    const value = this.object[member];
    return value !== undefined && value !== null;
  }

  child(member: string): WireReader | undefined {
    const value = this.object[member];
    if (value === undefined || value === null) return undefined;
    return new WireReader(this.what, expectObject(this.what, this.at(member), value), this.at(member));
  }

  string(member: string): string | undefined {
    return this.read(member, 'a string', (value): value is string => typeof value === 'string');
  }

  number(member: string): number | undefined {
    return this.read(member, 'a number', (value): value is number => typeof value === 'number' && Number.isFinite(value));
  }

  boolean(member: string): boolean | undefined {
    return this.read(member, 'true or false', (value): value is boolean => typeof value === 'boolean');
  }

  numberOrString(member: string): number | string | undefined {
    return this.read(
      member,
      'a number or a string',
      (value): value is number | string => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)),
    );
  }

  stringList(member: string): string[] | undefined {
    return this.read(
      member,
      'a list of strings',
      (value): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string'),
    );
  }

  /** A member whose value must be one of `allowed`. */
  oneOf<T extends string>(member: string, allowed: readonly T[]): T | undefined {
    const value = this.string(member);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) throw this.unexpected(member, value, `one of ${allowed.join(', ')}`);
    return value as T;
  }

  /** Every entry of a list member must be one of `allowed`. */
  listOf<T extends string>(member: string, allowed: readonly T[]): T[] | undefined {
    const values = this.stringList(member);
    if (values === undefined) return undefined;
    for (const value of values) {
      if (!(allowed as readonly string[]).includes(value)) throw this.unexpected(member, value, `entries from ${allowed.join(', ')}`);
    }
    return values as T[];
  }

  /** The raw value of an object member, for free-form settings. */
  record(member: string): Record<string, unknown> | undefined {
    return this.child(member)?.object;
  }

  list(member: string): unknown[] | undefined {
    return this.read(member, 'a list', (value): value is unknown[] => Array.isArray(value));
  }

  at(member: string): string {
    return this.path === '' ? member : `${this.path}.${member}`;
  }

  unexpected(member: string, value: unknown, expected: string): AdapterError {
    return wireProtocolError(this.what, this.at(member), value, expected);
  }

  private read<T>(member: string, expected: string, isT: (value: unknown) => value is T): T | undefined {
    const value = this.object[member];
    if (value === undefined || value === null) return undefined;
    if (!isT(value)) throw this.unexpected(member, value, expected);
    return value;
  }
}

export function expectObject(what: string, path: string, value: unknown): WireObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw wireProtocolError(what, path, value, 'a JSON object');
  }
  return value as WireObject;
}

export function wireProtocolError(what: string, path: string, value: unknown, expected: string): AdapterError {
  const where = path === '' ? what : `${what}, member '${path}'`;
  return new AdapterError({
    kind: 'protocol',
    message: `The platform sent ${where} as ${describe(value)}, but catalyst expects ${expected}. This is a platform response catalyst does not understand; please report it with the response.`,
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}`;
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
