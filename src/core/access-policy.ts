import type { SourceLocation } from './model.js';

/** What a policy grants per target, one per command that reads or changes a CMS or its files. */
export const POLICY_GRANTS = ['plan', 'apply', 'apply-destructive', 'resolve', 'rollback', 'unprotect'] as const;
export type PolicyGrant = (typeof POLICY_GRANTS)[number];

/** The commands a policy governs; each needs one grant, `apply` and `rollback` more for what their plan does. */
export type PolicyOperation = 'plan' | 'apply' | 'resolve' | 'rollback';

/** Where a rule was written, for messages: `catalyst.policy.yaml:14:7`. */
export interface RuleSource {
  /** `targets.production.grants.apply-destructive`. */
  path: string;
  location?: SourceLocation;
}

/** The grants of one target (or of `*`, every target not listed). */
export interface TargetAccess {
  /** Apply and rollback only from CI: a run whose identity is not the CI's is denied them. */
  requireCi?: RuleSource;
  /** Per grant, who holds it (role names, people, `*`), and where that is written. A grant not listed is held by nobody. */
  grants: Partial<Record<PolicyGrant, { holders: readonly string[]; source: RuleSource }>>;
  source: RuleSource;
}

/**
 * An access policy as the program uses it (see schemas/policy.schema.json for the file). People
 * are `@login` (a GitHub user), `@org/team` (a GitHub team) or an email (a git identity).
 */
export interface AccessPolicy {
  /** The file, as messages show it. */
  file: string;
  /** Role name → its people. */
  roles: ReadonlyMap<string, readonly string[]>;
  /** Target name (or `*`) → its grants. */
  targets: ReadonlyMap<string, TargetAccess>;
}

/** Who a run acts for, as far as it can be known: the CI's login, a git email, the GitHub teams found for them. */
export interface Identity {
  /** A GitHub login (the CI's actor, or a reviewer), without `@`. */
  login?: string;
  /** A git identity (user.email), for local runs. */
  email?: string;
  /** `org/team` slugs this person is known to belong to (looked up by the GitHub Action). */
  teams?: readonly string[];
  /** Where the identity comes from: the CI (cannot be set by hand there), or the person's own machine. */
  source: 'ci' | 'declared' | 'git' | 'os';
}

/** What the plan a command carries out does, as far as the policy cares. */
export interface AccessFacts {
  /** Destructive changes, as `--allow-destructive` names them. */
  destructive: readonly string[];
  /** Types whose `protect: true` the plan removes. */
  unprotects: readonly string[];
}

export type AccessDecision =
  | { allowed: true }
  | {
      allowed: false;
      /** The grant that is missing. */
      grant: PolicyGrant;
      /** The rule that denied: where it is written. */
      rule: RuleSource;
      /** Why, in a sentence naming the person and the rule. */
      reason: string;
      /** Who holds the grant (roles expanded to their people): who could run or approve it. */
      holders: readonly string[];
    };
