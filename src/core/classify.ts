import type { Definition } from './definition-shape.js';
import type { ClassifiedChange, DefinitionChange } from './generated/plan.js';
import type { ResourceKind } from './model.js';
import { kindOf, type Finding } from './resource-kinds.js';
import { RISK_CODES } from './risk-codes.js';

/**
 * Classifies each change of `diffDefinitions(before, after)`: `safe`, `breaking` (existing content
 * may become invalid) or `destructive` (data can be lost), each risky change with a stable code
 * (risk-codes.ts) and a one-line reason. `before`/`after` are the definitions the changes were
 * computed from; they give a change its context (the property's type, for example).
 */
export function classifyChanges(
  kind: ResourceKind,
  changes: readonly DefinitionChange[],
  before: Definition,
  after: Definition,
): ClassifiedChange[] {
  const descriptor = kindOf(kind);
  return changes.map((change) => {
    const finding = descriptor.changeFinding(change, before, after);
    if (!finding) return { ...change, risk: 'safe' };
    return { ...change, risk: RISK_CODES[finding.code].risk, code: finding.code, reason: finding.reason };
  });
}

/** The finding of deleting a resource catalyst owns. */
export function deleteFinding(kind: ResourceKind, key: string): Finding {
  return kindOf(kind).deleteFinding(key);
}
