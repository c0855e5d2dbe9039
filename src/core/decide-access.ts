import type { AccessDecision, AccessFacts, AccessPolicy, Identity, PolicyGrant, PolicyOperation, TargetAccess } from './access-policy.js';

export interface AccessRequest {
  target: string;
  operation: PolicyOperation;
  /** What the plan does; absent for commands that carry out no plan (plan, resolve). */
  facts?: AccessFacts;
  /** Who runs the command. */
  actor: Identity;
  /** People who approved the change (the approving reviews of the merged pull request). */
  approvals?: readonly Identity[];
  /**
   * The change being carried out also changes the policy file (a merged pull request that edits
   * it): the policy that authorizes a change must already be in force, so it is denied.
   */
  changesPolicy?: boolean;
}

/** The grants a command needs: its own, and for a plan that deletes or unprotects, those too. */
export function requiredGrants(operation: PolicyOperation, facts: AccessFacts | undefined): PolicyGrant[] {
  const extra: PolicyGrant[] =
    operation === 'apply' || operation === 'rollback'
      ? [
          ...(facts && facts.destructive.length > 0 ? ['apply-destructive' as const] : []),
          ...(facts && facts.unprotects.length > 0 ? ['unprotect' as const] : []),
        ]
      : [];
  return [operation, ...extra];
}

/**
 * Whether the policy lets `actor` run `operation` on `target`: the target's rules (else `*`'s),
 * `requireCi` for apply and rollback, then every grant the command needs, each held by the actor
 * or, where there are approvals, by someone who approved. Pure: identities and team memberships
 * are looked up by the caller.
 */
export function decideAccess(policy: AccessPolicy, request: AccessRequest): AccessDecision {
  const rules = policy.targets.get(request.target) ?? policy.targets.get('*');
  const who = describeIdentity(request.actor);
  const grants = requiredGrants(request.operation, request.facts);
  if (request.changesPolicy && request.operation !== 'plan') {
    return {
      allowed: false,
      grant: request.operation,
      rule: { path: policy.file },
      reason: `This change also edits the access policy (${policy.file}), and a policy authorizes only once it is in force. Merge the policy change on its own first (its reviewers approve the new rules), then the CMS change.`,
      holders: [],
    };
  }
  if (!rules) {
    return {
      allowed: false,
      grant: grants[0]!,
      rule: { path: 'targets' },
      reason: `The policy has no rules for target "${request.target}" (and no "*" rules), so it allows nothing there.`,
      holders: [],
    };
  }
  if (rules.requireCi && (request.operation === 'apply' || request.operation === 'rollback') && request.actor.source !== 'ci') {
    return {
      allowed: false,
      grant: request.operation,
      rule: rules.requireCi,
      reason: `Target "${request.target}" requires ${request.operation} from CI (requireCi), and this run is ${who}, not the CI.`,
      holders: expandHolders(policy, rules.grants[request.operation]?.holders ?? []),
    };
  }
  for (const grant of grants) {
    const denial = checkGrant(policy, rules, grant, request, who);
    if (denial) return denial;
  }
  return { allowed: true };
}

function checkGrant(
  policy: AccessPolicy,
  rules: TargetAccess,
  grant: PolicyGrant,
  request: AccessRequest,
  who: string,
): AccessDecision | undefined {
  const entry = rules.grants[grant];
  const holders = expandHolders(policy, entry?.holders ?? []);
  const rule = entry?.source ?? {
    path: `${rules.source.path}.grants`,
    ...(rules.source.location ? { location: rules.source.location } : {}),
  };
  if (entry && [request.actor, ...(request.approvals ?? [])].some((person) => holds(policy, entry.holders, person))) return undefined;
  const what = grantPhrase(grant, request);
  const approvers = request.approvals ?? [];
  const subject =
    approvers.length > 0
      ? `Neither ${who} nor anyone who approved (${approvers.map(describeIdentity).join(', ')}) holds`
      : `${who} does not hold`;
  return {
    allowed: false,
    grant,
    rule,
    reason: entry
      ? `${subject} ${grant} on target "${request.target}", which ${what} needs.`
      : `The rules of target "${request.target}" grant ${grant} to nobody, and ${what} needs it.`,
    holders,
  };
}

function grantPhrase(grant: PolicyGrant, request: AccessRequest): string {
  const list = (items: readonly string[]) => items.slice(0, 5).join(', ') + (items.length > 5 ? `, … (${items.length})` : '');
  if (grant === 'apply-destructive') return `a plan with destructive changes (${list(request.facts?.destructive ?? [])})`;
  if (grant === 'unprotect') return `a plan that removes protection (${list(request.facts?.unprotects ?? [])})`;
  return `catalyst ${grant}`;
}

/** Whether `person` is one of `holders` (role names, people, `*`). */
function holds(policy: AccessPolicy, holders: readonly string[], person: Identity): boolean {
  return holders.some((holder) =>
    holder === '*'
      ? true
      : holder.includes('@')
        ? isPerson(holder, person)
        : (policy.roles.get(holder) ?? []).some((member) => isPerson(member, person)),
  );
}

function isPerson(entry: string, person: Identity): boolean {
  const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();
  if (!entry.startsWith('@')) return same(person.email, entry);
  const name = entry.slice(1);
  return name.includes('/') ? (person.teams ?? []).some((team) => same(team, name)) : same(person.login, name);
}

/** What carrying out a plan on `target` needs under the policy: each grant with who holds it (roles expanded). For telling reviewers ahead of a merge. */
export function grantsNeeded(
  policy: AccessPolicy,
  target: string,
  operation: PolicyOperation,
  facts: AccessFacts | undefined,
): Array<{ grant: PolicyGrant; holders: string[] }> {
  const rules = policy.targets.get(target) ?? policy.targets.get('*');
  return requiredGrants(operation, facts).map((grant) => ({ grant, holders: expandHolders(policy, rules?.grants[grant]?.holders ?? []) }));
}

/** Role names replaced by their people, `*` as "anyone", without duplicates. */
function expandHolders(policy: AccessPolicy, holders: readonly string[]): string[] {
  const people = holders.flatMap((holder) =>
    holder === '*'
      ? ['anyone']
      : holder.includes('@')
        ? [holder]
        : (policy.roles.get(holder) ?? []).map((member) => `${member} (${holder})`),
  );
  return [...new Set(people)];
}

/** A person as messages name them: `@alice (CI)`, `alice@example.com (git user)`. */
export function describeIdentity(identity: Identity): string {
  const name = identity.login !== undefined ? `@${identity.login}` : (identity.email ?? 'an unknown person');
  return `${name} (${IDENTITY_SOURCES[identity.source]})`;
}

const IDENTITY_SOURCES = { ci: 'CI', declared: 'self-declared', git: 'git user', os: 'OS user' } as const satisfies Record<
  Identity['source'],
  string
>;
