import type { JsonObject } from '../json.js';
import type { Dialect } from '../dialect/dialect.js';
import type { Decoded } from '../dialect/content-type-codec.js';
import { HttpProblem, validationProblem } from '../http/problem.js';
import type { EmulatorStore } from '../store/emulator-store.js';
import type { Stored } from '../store/documents.js';
import type { ResourceCollection } from '../store/resource-collection.js';
import type { ValidationResult } from '../validation/validate-content-type.js';

/** Everything a write depends on besides the resource itself. */
export interface WriteEnv {
  store: EmulatorStore;
  dialect: Dialect;
  strictReferences: boolean;
  /** Recorded as createdBy/lastModifiedBy: the API client's id. */
  actor: string;
  /** The client overrode the data-loss check for this request. */
  allowDataLoss: boolean;
  /** Keys created by the same manifest import, which references may name. */
  pendingContentTypes?: ReadonlySet<string>;
}

/** One kind of resource (content type, property group, display template) as the API handles it. */
export interface ResourceKind<D extends { key: string }> {
  /** For messages: 'content type'. */
  noun: string;
  /** Collection segment of the URL: 'contenttypes'. */
  segment: string;
  collection(store: EmulatorStore): ResourceCollection<D>;
  decode(dialect: Dialect, input: JsonObject): Decoded;
  validate(value: JsonObject, dialect: Dialect, reported: ReadonlySet<string>): ValidationResult<D>;
  encode(dialect: Dialect, stored: Stored<D>): JsonObject;
  /** Members a write may not change once the resource exists, compared as stored. */
  immutable: ReadonlyArray<{ member: keyof D & string; absentMeans?: unknown }>;
  /** Throws HttpProblem when the write must be refused (references, data loss). */
  checkWrite?(env: WriteEnv, before: D | undefined, after: D): void;
  /** Throws HttpProblem when the resource may not be deleted. */
  checkDelete?(env: WriteEnv, stored: Stored<D>): void;
}

export type WriteMode = { kind: 'create' } | { kind: 'replace'; key: string } | { kind: 'upsert' };

export interface WriteResult<D> {
  outcome: 'created' | 'updated' | 'unchanged';
  stored: Stored<D>;
}

/**
 * The one path every API write takes (POST, PATCH, PUT, manifest import): validate, refuse what
 * the server refuses, then store. Throws HttpProblem; leaves the store unchanged when it does.
 */
export function writeResource<D extends { key: string }>(
  kind: ResourceKind<D>,
  env: WriteEnv,
  decoded: Decoded,
  mode: WriteMode,
): WriteResult<D> {
  const result = kind.validate(decoded.value, env.dialect, decoded.reported);
  const errors = [...decoded.errors, ...(result.ok ? [] : result.errors)];
  if (!result.ok || errors.length > 0) throw validationProblem(errors);
  const doc = result.doc;
  const collection = kind.collection(env.store);
  const targetKey = mode.kind === 'replace' ? mode.key : doc.key;
  const existing = collection.get(targetKey);

  if (existing === undefined) {
    if (mode.kind === 'replace') throw notFound(kind, targetKey);
    kind.checkWrite?.(env, undefined, doc);
    return { outcome: 'created', stored: collection.create(doc, { actor: env.actor }) };
  }
  if (mode.kind === 'create') throw new HttpProblem(409, `A ${kind.noun} with the key '${doc.key}' already exists.`);
  assertWritable(kind, existing);
  assertImmutablesKept(kind, existing.doc, doc);
  kind.checkWrite?.(env, existing.doc, doc);
  const { stored, changed } = collection.replace(doc, env.actor);
  return { outcome: changed ? 'updated' : 'unchanged', stored };
}

/** System resources (non-empty `source`) are read-only through the API [DOC]; see FIDELITY.md for 403. */
export function assertWritable<D extends { key: string }>(kind: ResourceKind<D>, stored: Stored<D>): void {
  if (stored.source !== '') {
    throw new HttpProblem(
      403,
      `The ${kind.noun} '${stored.doc.key}' is a system ${kind.noun} (source '${stored.source}') and cannot be changed or deleted.`,
    );
  }
}

export function notFound<D extends { key: string }>(kind: ResourceKind<D>, key: string): HttpProblem {
  return new HttpProblem(404, `The ${kind.noun} '${key}' does not exist.`);
}

function assertImmutablesKept<D extends { key: string }>(kind: ResourceKind<D>, before: D, after: D): void {
  const errors = [];
  for (const { member, absentMeans } of kind.immutable) {
    const old = before[member] ?? absentMeans;
    const next = after[member] ?? absentMeans;
    if (old !== next) {
      errors.push({ field: member, detail: `The ${member} of a ${kind.noun} cannot be changed (it is ${JSON.stringify(old ?? null)}).` });
    }
  }
  if (errors.length > 0)
    throw validationProblem(errors, `The ${kind.noun} '${before.key}' cannot change ${errors.map((error) => error.field).join(' or ')}.`);
}
