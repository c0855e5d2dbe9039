import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../../core/diagnostic.js';
import { didYouMean } from '../../core/did-you-mean.js';
import type { PathSegments, YamlLocator } from '../yaml/yaml-locator.js';
import { pruneSchemaErrors } from './prune-schema-errors.js';

/** A diagnostic for one schema error; `at` is the path to point at (default: the error's). */
export type SpecialCase = Omit<Diagnostic, 'location' | 'path'> & { at?: string[] };

export interface SchemaDiagnosticContext {
  /** Finds the line and column of a path inside the validated value. */
  locator: YamlLocator;
  /** Where the validated value sits in the located document (e.g. `catalyst` inside package.json). */
  pathPrefix?: PathSegments;
  codes: { schemaViolation: string; unknownMember: string; invalidKey?: string };
  /** What the root of the validated value is, for messages: "The content type". */
  rootName: string;
  /** Turns one error into a diagnostic of its own before the generic phrasing; undefined = not handled. */
  special?: (error: ErrorObject, path: string[]) => SpecialCase | undefined;
}

/** One diagnostic per (pruned) schema error, phrased for the person who must fix the file. */
export function schemaDiagnostics(errors: readonly ErrorObject[], context: SchemaDiagnosticContext): Diagnostic[] {
  return pruneSchemaErrors(errors)
    .map((error) => toDiagnostic(error, context))
    .sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0));
}

function toDiagnostic(error: ErrorObject, context: SchemaDiagnosticContext): Diagnostic {
  const path = pointerSegments(error.instancePath);
  const propertyName = (error as { propertyName?: string }).propertyName;
  const prefix = [...(context.pathPrefix ?? [])].map(String);
  const place = (segments: string[], key = false) => {
    const full = [...prefix, ...segments];
    return key ? context.locator.locateKey(full) : context.locator.locate(full);
  };
  const special = context.special?.(error, path);
  if (special) {
    const { at, ...diagnostic } = special;
    return { ...diagnostic, location: place(at ?? path, true), path: (at ?? path).join('.') };
  }

  if (propertyName !== undefined) {
    const keyPath = [...path, propertyName];
    return {
      code: context.codes.invalidKey ?? context.codes.schemaViolation,
      severity: 'error',
      ...invalidKey(propertyName, keyKind(path)),
      location: place(keyPath, true),
      path: keyPath.join('.'),
    };
  }
  if (error.keyword === 'additionalProperties') {
    const member = String(error.params.additionalProperty);
    const memberPath = [...path, member];
    const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const suggestion = didYouMean(member, known);
    return {
      code: context.codes.unknownMember,
      severity: 'error',
      summary: `Unknown member "${member}"`,
      detail:
        `${where(path, context)} has no member "${member}". ` +
        (suggestion ? `Did you mean "${suggestion}"? ` : known.length > 0 ? `Its members are: ${known.join(', ')}. ` : '') +
        `Correct the name or remove the member.`,
      location: place(memberPath, true),
      path: memberPath.join('.'),
    };
  }
  if (error.keyword === 'pattern' && context.codes.invalidKey && path.at(-1) === 'key' && typeof error.data === 'string') {
    return {
      code: context.codes.invalidKey,
      severity: 'error',
      ...invalidKey(error.data, path.length === 1 ? 'content type' : 'property group'),
      location: place(path),
      path: path.join('.'),
    };
  }
  const phrased = phrase(error, path, context);
  const locateKey = error.keyword === 'required';
  return { code: context.codes.schemaViolation, severity: 'error', ...phrased, location: place(path, locateKey), path: path.join('.') };
}

function phrase(error: ErrorObject, path: string[], context: SchemaDiagnosticContext): { summary: string; detail: string } {
  const name = path.length === 0 ? context.rootName : path.join('.');
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  const about = description && description.length <= 160 ? ` (${name}: ${lowerFirst(description)})` : '';
  switch (error.keyword) {
    case 'required': {
      const member = String(error.params.missingProperty);
      return {
        summary: `Missing "${member}"`,
        detail: `${where(path, context)} has no "${member}", which is required. Add "${member}:" with a value.`,
      };
    }
    case 'type': {
      const expected = alternatives([error.params.type as string | string[]].flat().map(typeName));
      return {
        summary: `${name} must be ${expected}`,
        detail: `${name} is ${valueName(error.data)}, but it must be ${expected}. ${hint(error.data, expected) ?? 'Change the value.'}`,
      };
    }
    case 'enum':
    case 'const': {
      const allowed = (error.keyword === 'enum' ? (error.params.allowedValues as unknown[]) : [error.params.allowedValue]).map(String);
      const suggestion = typeof error.data === 'string' ? didYouMean(error.data, allowed) : undefined;
      return {
        summary: `${name} has an unknown value ${JSON.stringify(error.data)}`,
        detail:
          `${JSON.stringify(error.data)} is not one of the values ${name} accepts: ${allowed.join(', ')}. ` +
          (suggestion ? `Did you mean "${suggestion}"? ` : '') +
          `Use one of them.`,
      };
    }
    case 'minLength':
      if (error.data === '') {
        return { summary: `${name} is empty`, detail: `${name} is an empty text. Give it a value or remove it.` };
      }
      return {
        summary: `${name} is too short`,
        detail: `${name} must have at least ${error.params.limit} characters. Lengthen it.`,
      };
    case 'maxLength':
      return {
        summary: `${name} is too long`,
        detail: `${name} has ${String(error.data).length} characters; at most ${error.params.limit} are allowed. Shorten it.`,
      };
    case 'minimum':
    case 'maximum':
      return {
        summary: `${name} is out of range`,
        detail: `${name} is ${String(error.data)}, but it must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${error.params.limit}. Change the value.`,
      };
    case 'minItems':
      return {
        summary: `${name} has too few entries`,
        detail: `${name} must list at least ${error.params.limit} entr${error.params.limit === 1 ? 'y' : 'ies'}. Add the missing entries.`,
      };
    case 'pattern':
      return {
        summary: `${name} has an invalid value`,
        detail: `${JSON.stringify(error.data)} does not have the form ${name} needs (the pattern ${error.params.pattern}).${about} Correct the value.`,
      };
    case 'format':
      return {
        summary: `${name} is not a valid ${error.params.format}`,
        detail: `${JSON.stringify(error.data)} is not a valid ${error.params.format}. Correct the value.`,
      };
    default:
      return {
        summary: `${name} is invalid`,
        detail: `${name} ${error.message ?? 'is invalid'}.${about} Correct the value.`,
      };
  }
}

/** Phrasing for an invalid identifier, with a corrected spelling when one is obvious. */
export function invalidKey(value: string, kind: string): { summary: string; detail: string } {
  if (kind === 'target') {
    return {
      summary: `Invalid target name "${value}"`,
      detail: `"${value}" is not a valid target name: a name starts with a letter or digit and contains only letters, digits, "_", "-" and ".". Rename it.`,
    };
  }
  const fixed = value.replace(/[^_0-9A-Za-z]+/g, '_');
  const suggestion = /^[A-Za-z][_0-9A-Za-z]+$/.test(fixed) && fixed !== value ? ` For example "${fixed}".` : '';
  return {
    summary: `Invalid ${kind} key "${value}"`,
    detail:
      `"${value}" is not a valid ${kind} key: a key starts with a letter and contains only letters, digits and underscores` +
      ' (at least 2 characters). Rename it.' +
      suggestion,
  };
}

function keyKind(path: string[]): string {
  const parent = path.at(-1);
  return parent === 'properties' ? 'property' : parent === 'targets' ? 'target' : 'member';
}

function where(path: string[], context: SchemaDiagnosticContext): string {
  return path.length === 0 ? context.rootName : path.join('.');
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty',
};

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

function valueName(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the whole number ${value}` : `the number ${value}`;
  return `${String(value)}`;
}

function hint(value: unknown, expected: string): string | undefined {
  if (typeof value === 'string' && expected.includes('true or false') && /^(true|false|yes|no|on|off)$/i.test(value)) {
    return 'Write true or false without quotes.';
  }
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) && expected.includes('number')) {
    return 'Write the number without quotes.';
  }
  return undefined;
}

function alternatives(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
