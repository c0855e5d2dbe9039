import type { ErrorObject } from 'ajv';
import { pointerSegments } from '../schema/schema-diagnostics.js';

/**
 * A content type with every part the schema refused left out, so the semantic checks can still
 * look at the rest of the file in the same pass: a property with an error goes as a whole, a
 * top-level member with an error goes alone. Undefined when what remains would still be refused
 * (a required member is missing or wrong), since nothing reliable is left to check. The result
 * is for finding problems only; a file with errors is never planned.
 */
export function schemaValidPart(
  value: Record<string, unknown>,
  errors: readonly ErrorObject[],
  revalidate: (candidate: Record<string, unknown>) => readonly ErrorObject[],
): Record<string, unknown> | undefined {
  const part: Record<string, unknown> = { ...value };
  const properties = isRecord(value['properties']) ? { ...value['properties'] } : undefined;
  for (const error of errors) {
    const propertyName =
      (error as { propertyName?: string }).propertyName ??
      (error.keyword === 'propertyNames' ? String(error.params.propertyName) : undefined);
    const path = [...pointerSegments(error.instancePath), ...(propertyName !== undefined ? [propertyName] : [])];
    const [member, name] = path;
    if (member === undefined) {
      if (error.keyword !== 'additionalProperties') return undefined;
      delete part[String(error.params.additionalProperty)];
    } else if (member === 'properties' && name !== undefined && properties) {
      delete properties[name];
    } else {
      delete part[member];
    }
  }
  if (properties && 'properties' in part) part['properties'] = properties;
  return revalidate(part).length === 0 ? part : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
