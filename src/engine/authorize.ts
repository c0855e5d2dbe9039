import { accessFacts } from '../core/access-facts.js';
import type { AccessDecision, AccessPolicy, Identity, PolicyOperation } from '../core/access-policy.js';
import { decideAccess } from '../core/decide-access.js';
import { digest } from '../core/digest.js';
import type { Plan } from '../core/plan.js';
import { HistoryWriter } from '../io/audit/history-chain.js';
import type { DenialRecord } from '../io/audit/history-record.js';
import { acquireTargetLock } from '../io/lock/target-lock.js';

export interface AuthorizeInput {
  /** The project's access policy (io/policy/read-policy.ts); undefined when it has none: everything is allowed. */
  policy: AccessPolicy | undefined;
  target: string;
  operation: PolicyOperation;
  /** The plan the command would carry out (apply, rollback): what it deletes or unprotects needs grants of its own. */
  plan?: Plan;
  actor: Identity;
  /** People who approved the change (the approving reviews of a merged pull request). */
  approvals?: readonly Identity[];
  /** The change being carried out also edits the policy file (see AccessRequest.changesPolicy). */
  changesPolicy?: boolean;
  /** Where a denial is recorded: the target's history, as `actor` (never a secret). */
  history: {
    file: string;
    actor: string;
    actorSource?: Identity['source'];
    now: () => string;
    /** The project's lock folder, when the caller does not hold the target's lock: the record is appended under it. */
    lockDirectory?: string;
  };
}

/** A denial, as recorded in the history: the decision and where. */
export type Authorization = { allowed: true } | (Extract<AccessDecision, { allowed: false }> & { record: DenialRecord });

/**
 * The one access check every front end runs before a command writes anything (the CLI's plan,
 * apply, resolve and rollback; the Action's apply; the dashboard): decides with the policy, and
 * records a denial in the target's history, chained like every record, before returning it.
 */
export async function authorize(input: AuthorizeInput): Promise<Authorization> {
  if (!input.policy) return { allowed: true };
  const decision = decideAccess(input.policy, {
    target: input.target,
    operation: input.operation,
    ...(input.plan ? { facts: accessFacts(input.plan) } : {}),
    actor: input.actor,
    ...(input.approvals ? { approvals: input.approvals } : {}),
    ...(input.changesPolicy ? { changesPolicy: true } : {}),
  });
  if (decision.allowed) return decision;
  const where = decision.rule.location
    ? `${decision.rule.location.file}:${decision.rule.location.line}:${decision.rule.location.column} `
    : '';
  const record: DenialRecord = {
    at: input.history.now(),
    actor: input.history.actor,
    ...(input.history.actorSource ? { actorSource: input.history.actorSource } : {}),
    target: input.target,
    action: 'denied',
    operation: input.operation,
    grant: decision.grant,
    rule: `${where}${decision.rule.path}`,
    reason: decision.reason,
    ...(input.plan ? { plan: digest(input.plan) } : {}),
  };
  await appendDenial(input, record);
  return { ...decision, record };
}

async function appendDenial(input: AuthorizeInput, record: DenialRecord): Promise<void> {
  const run = `${record.at.replace(/[:.]/g, '-')}-denied`;
  const { lockDirectory } = input.history;
  const held = lockDirectory
    ? await acquireTargetLock(lockDirectory, input.target, { owner: record.actor, operation: 'record a denial' }, { timeoutMs: 30_000 })
    : undefined;
  try {
    await (await HistoryWriter.open(input.history.file, run)).append([record]);
  } finally {
    await held?.release();
  }
}
