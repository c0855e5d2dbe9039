import type { ErrorObject } from 'ajv';

/**
 * Reduces ajv's raw errors to the ones a person should read.
 *
 * Our schemas write alternatives as `anyOf` branches that differ in JSON type (a bare type name
 * or a mapping; an enum list or map). When none matches, ajv reports every branch. The branch
 * whose type matches the data is what the author meant, so only its errors are kept; when no
 * branch's type matches, one `type` error lists what would have been accepted. `if` and
 * `propertyNames` wrappers are dropped (their inner errors say more). Needs `verbose: true`.
 */
export function pruneSchemaErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  let remaining = errors.filter((error) => error.keyword !== 'if' && error.keyword !== 'propertyNames');
  const alternatives = remaining.filter((error) => error.keyword === 'anyOf').sort((a, b) => b.instancePath.length - a.instancePath.length);
  for (const alternative of alternatives) {
    remaining = resolveAlternative(remaining, alternative);
  }
  return dedupe(remaining);
}

function resolveAlternative(errors: ErrorObject[], alternative: ErrorObject): ErrorObject[] {
  const path = alternative.instancePath;
  const atPath = (error: ErrorObject) => error.instancePath === path && !hasPropertyName(error);
  const mismatched = errors.filter((error) => error.keyword === 'type' && atPath(error));
  const mismatchedSchemas = new Set(mismatched.map((error) => error.parentSchema));
  const fromMismatchedBranch = (error: ErrorObject) => atPath(error) && mismatchedSchemas.has(error.parentSchema);
  const rest = errors.filter(
    (error) =>
      error !== alternative && !fromMismatchedBranch(error) && (error.instancePath === path || error.instancePath.startsWith(`${path}/`)),
  );
  const without = errors.filter((error) => error !== alternative && !fromMismatchedBranch(error));
  if (rest.length > 0) return without;
  const expected = [...new Set(mismatched.flatMap((error) => [error.params.type as string | string[]].flat()))];
  const merged: ErrorObject = {
    ...alternative,
    keyword: 'type',
    params: { type: expected },
    message: `must be ${expected.join(' or ')}`,
  };
  return [...without, merged];
}

function hasPropertyName(error: ErrorObject): boolean {
  return (error as { propertyName?: string }).propertyName !== undefined;
}

function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const id = JSON.stringify([error.instancePath, error.keyword, error.params, (error as { propertyName?: string }).propertyName]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
