/* Generated from schemas/policy.schema.json by scripts/gen-types.ts. Do not edit: edit the schema and run `npm run gen:types`. */

/**
 * `@login` (a GitHub user), `@org/team` (a GitHub team) or an email (a git identity).
 *
 * This interface was referenced by `PolicyFile`'s JSON-Schema
 * via the `definition` "person".
 */
export type Person = string;
/**
 * Who holds a grant: role names, people (`@login`, `@org/team`, an email), or `*` (everyone).
 *
 * This interface was referenced by `PolicyFile`'s JSON-Schema
 * via the `definition` "holders".
 */
export type Holders = string[];

/**
 * catalyst access policy: `catalyst.policy.yaml` next to the config, reviewed like code. Roles name people; each target grants commands to roles or people. Without this file everything is allowed.
 */
export interface PolicyFile {
  /**
   * The JSON Schema of this file, for editors.
   */
  $schema?: string;
  /**
   * Roles by name, each a list of people: `@login` (a GitHub user), `@org/team` (a GitHub team), or an email (a git identity, for local runs).
   */
  roles?: {
    [k: string]: Person[] | undefined;
  };
  /**
   * Rules per target name (as the config names it); `*` holds the rules of every target not listed. A target with no rules allows nothing.
   */
  targets: {
    [k: string]: TargetRules | undefined;
  };
}
/**
 * What a target allows, and to whom. A command whose grant is not listed is denied.
 *
 * This interface was referenced by `PolicyFile`'s JSON-Schema
 * via the `definition` "targetRules".
 */
export interface TargetRules {
  /**
   * Apply and rollback only from CI (the GitHub Action): a run whose identity is not the CI's is denied them.
   */
  requireCi?: boolean;
  /**
   * Per command, who holds it: `plan` (catalyst plan), `apply` (catalyst apply, and the Action's apply after a merge), `apply-destructive` (applying destructive changes, in addition to `apply`), `resolve` (catalyst resolve), `rollback` (catalyst rollback), `unprotect` (applying a plan that removes `protect: true`, in addition to `apply`). In the GitHub Action an approving review of the merged pull request by a holder also satisfies a grant.
   */
  grants?: {
    plan?: Holders;
    apply?: Holders;
    'apply-destructive'?: Holders;
    resolve?: Holders;
    rollback?: Holders;
    unprotect?: Holders;
  };
}
