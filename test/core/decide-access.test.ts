import { describe, expect, it } from 'vitest';
import type { AccessPolicy, Identity, TargetAccess } from '../../src/core/access-policy.js';
import { decideAccess, grantsNeeded, requiredGrants, type AccessRequest } from '../../src/core/decide-access.js';

const rules = (grants: Record<string, string[]>, requireCi = false): TargetAccess => ({
  grants: Object.fromEntries(Object.entries(grants).map(([grant, holders]) => [grant, { holders, source: { path: `grants.${grant}` } }])),
  source: { path: 'targets.x' },
  ...(requireCi ? { requireCi: { path: 'targets.x.requireCi' } } : {}),
});

const POLICY: AccessPolicy = {
  file: 'catalyst.policy.yaml',
  roles: new Map([
    ['admins', ['@acme/cms-admins', 'root@acme.example']],
    ['editors', ['@Alice', 'ed@acme.example']],
  ]),
  targets: new Map([
    ['production', rules({ plan: ['*'], apply: ['editors', 'admins'], 'apply-destructive': ['admins'], unprotect: ['admins'] }, true)],
    ['*', rules({ plan: ['*'], apply: ['*'] })],
  ]),
};

const ci = (login: string, teams: string[] = []): Identity => ({ login, teams, source: 'ci' });
const git = (email: string): Identity => ({ email, source: 'git' });
const destructive = { destructive: ['Old'], unprotects: [] };

const CASES: ReadonlyArray<{ name: string; request: AccessRequest; allowed: boolean; grant?: string }> = [
  { name: 'anyone plans', request: { target: 'production', operation: 'plan', actor: git('x@y.example') }, allowed: true },
  {
    name: 'an editor applies from CI (login, any case)',
    request: { target: 'production', operation: 'apply', actor: ci('alice') },
    allowed: true,
  },
  {
    name: 'requireCi: an editor from git is denied',
    request: { target: 'production', operation: 'apply', actor: git('ed@acme.example') },
    allowed: false,
    grant: 'apply',
  },
  {
    name: 'an editor is denied a destructive apply',
    request: { target: 'production', operation: 'apply', facts: destructive, actor: ci('alice') },
    allowed: false,
    grant: 'apply-destructive',
  },
  {
    name: 'a team member approved the destructive apply',
    request: {
      target: 'production',
      operation: 'apply',
      facts: destructive,
      actor: ci('alice'),
      approvals: [ci('bob', ['acme/cms-admins'])],
    },
    allowed: true,
  },
  {
    name: 'an approval by someone outside the team does not count',
    request: { target: 'production', operation: 'apply', facts: destructive, actor: ci('alice'), approvals: [ci('bob', ['acme/other'])] },
    allowed: false,
    grant: 'apply-destructive',
  },
  {
    name: 'unprotect needs its own grant',
    request: { target: 'production', operation: 'apply', facts: { destructive: [], unprotects: ['Kept'] }, actor: ci('alice') },
    allowed: false,
    grant: 'unprotect',
  },
  {
    name: 'a grant not listed is held by nobody',
    request: { target: 'production', operation: 'resolve', actor: ci('root', ['acme/cms-admins']) },
    allowed: false,
    grant: 'resolve',
  },
  {
    name: 'a change that also edits the policy is denied, whoever approved',
    request: { target: 'staging', operation: 'apply', actor: ci('root', ['acme/cms-admins']), changesPolicy: true },
    allowed: false,
    grant: 'apply',
  },
  {
    name: 'planning a change that edits the policy is fine',
    request: { target: 'staging', operation: 'plan', actor: ci('x'), changesPolicy: true },
    allowed: true,
  },
  { name: '"*" rules cover other targets', request: { target: 'staging', operation: 'apply', actor: git('x@y.example') }, allowed: true },
  {
    name: 'the "*" target grants nothing it does not list',
    request: { target: 'staging', operation: 'rollback', actor: git('x@y.example') },
    allowed: false,
    grant: 'rollback',
  },
];

describe('decideAccess', () => {
  it.each(CASES)('$name', ({ request, allowed, grant }) => {
    const decision = decideAccess(POLICY, request);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.grant).toBe(grant);
  });

  it('a denial names the rule and who holds the grant, roles expanded', () => {
    const decision = decideAccess(POLICY, { target: 'production', operation: 'apply', facts: destructive, actor: ci('alice') });
    expect(decision).toEqual({
      allowed: false,
      grant: 'apply-destructive',
      rule: { path: 'grants.apply-destructive' },
      reason: '@alice (CI) does not hold apply-destructive on target "production", which a plan with destructive changes (Old) needs.',
      holders: ['@acme/cms-admins (admins)', 'root@acme.example (admins)'],
    });
  });

  it('a policy without rules for the target, nor "*", allows nothing there', () => {
    const only = { ...POLICY, targets: new Map([['production', POLICY.targets.get('production')!]]) };
    const decision = decideAccess(only, { target: 'staging', operation: 'plan', actor: ci('root') });
    expect(decision).toMatchObject({ allowed: false, grant: 'plan', reason: expect.stringContaining('no rules for target "staging"') });
  });

  it('requiredGrants: apply and rollback add apply-destructive and unprotect for what their plan does', () => {
    expect(requiredGrants('apply', { destructive: ['A'], unprotects: ['B'] })).toEqual(['apply', 'apply-destructive', 'unprotect']);
    expect(requiredGrants('rollback', { destructive: [], unprotects: [] })).toEqual(['rollback']);
    expect(requiredGrants('resolve', undefined)).toEqual(['resolve']);
  });

  it('grantsNeeded: each grant a plan needs with its holders, for the pull request comment', () => {
    expect(grantsNeeded(POLICY, 'production', 'apply', { destructive: ['Old'], unprotects: [] })).toEqual([
      {
        grant: 'apply',
        holders: ['@Alice (editors)', 'ed@acme.example (editors)', '@acme/cms-admins (admins)', 'root@acme.example (admins)'],
      },
      { grant: 'apply-destructive', holders: ['@acme/cms-admins (admins)', 'root@acme.example (admins)'] },
    ]);
    expect(grantsNeeded(POLICY, 'staging', 'apply', undefined)).toEqual([{ grant: 'apply', holders: ['anyone'] }]);
  });
});
