import type { ErrorObject } from 'ajv';
import { BASE_TYPES } from '../../core/model.js';
import { YAML_CODES } from '../diagnostic-codes.js';
import type { SpecialCase } from '../schema/schema-diagnostics.js';
import { LIST_DOCUMENTS } from './list-documents.js';

/** Schema errors of a content type file that a plain schema message would explain badly, each with its own summary and fix. */
export function contentTypeSpecialCases(error: ErrorObject, path: string[]): SpecialCase | undefined {
  if (error.keyword === 'type' && path.length === 2 && path[0] === 'properties') {
    return {
      code: YAML_CODES.schemaViolation,
      severity: 'error',
      summary: `Property "${path[1]}" is neither a type name nor a mapping`,
      detail: `A property is written as a type name (\`${path[1]}: richText\`, \`${path[1]}: string[]\`) or as a mapping (\`${path[1]}: { type: string, required: true }\`), not as ${describe(error.data)}. Rewrite it in one of those forms.`,
      at: path,
    };
  }
  if (path.length > 0) return undefined;
  if (error.keyword === 'not' && error.schemaPath === '#/then/not') {
    return {
      code: YAML_CODES.schemaViolation,
      severity: 'error',
      summary: 'A contract has no baseType',
      at: ['baseType'],
      detail:
        '`isContract: true` makes this type a contract, and contracts have no base type. Remove `baseType`, or remove `isContract: true` to make it a regular type.',
    };
  }
  if (error.keyword === 'required' && error.params.missingProperty === 'baseType') {
    return {
      code: YAML_CODES.schemaViolation,
      severity: 'error',
      summary: 'Missing "baseType"',
      at: ['key'],
      detail: `Every content type but a contract needs a base type. Add "baseType:" with one of ${BASE_TYPES.join(', ')}, or "isContract: true" for a contract.`,
    };
  }
  const list =
    error.keyword === 'additionalProperties'
      ? LIST_DOCUMENTS.find((candidate) => candidate.member === error.params.additionalProperty)
      : undefined;
  if (list) {
    return {
      code: YAML_CODES.unknownMember,
      severity: 'error',
      summary: `${list.title} go in a file of their own`,
      at: [list.member],
      detail: `A file holds one content type, a \`propertyGroups:\` list or a \`displayTemplates:\` list, only one of them. Move \`${list.member}:\` to a separate file (for example ${list.fileName}).`,
    };
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  return `the ${typeof value} ${JSON.stringify(value)}`;
}
