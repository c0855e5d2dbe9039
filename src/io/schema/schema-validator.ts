import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { InternalError } from '../../core/internal-error.js';
import { PACKAGE_ROOT } from '../../package-root.js';

/** The JSON Schemas shipped in the package's `schemas/` folder (the same files editors use). */
export type SchemaFile = 'content-type.schema.json' | 'config.schema.json' | 'lock.schema.json' | 'plan.schema.json' | 'policy.schema.json';

const SCHEMA_DIR = new URL('schemas/', PACKAGE_ROOT);

export interface SchemaValidator {
  /** The schema document, for reading descriptions and member names when phrasing errors. */
  readonly schema: Record<string, unknown>;
  /** Validates `value` against the root schema or one of its `definitions`; returns every error. */
  validate(value: unknown, definition?: string): ErrorObject[];
}

const validators = new Map<SchemaFile, SchemaValidator>();

/** Loads and compiles a shipped schema once per process. */
export function schemaValidator(file: SchemaFile): SchemaValidator {
  const cached = validators.get(file);
  if (cached) return cached;
  const schema = JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats.default(ajv);
  ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
  ajv.addSchema(schema, file);
  const compiled = new Map<string, ValidateFunction>();
  const validator: SchemaValidator = {
    schema,
    validate(value, definition) {
      const ref = definition === undefined ? file : `${file}#/definitions/${definition}`;
      let validate = compiled.get(ref);
      if (!validate) {
        validate = ajv.getSchema(ref);
        if (!validate) throw new InternalError(`schema ${ref} does not exist`);
        compiled.set(ref, validate);
      }
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
  };
  validators.set(file, validator);
  return validator;
}
