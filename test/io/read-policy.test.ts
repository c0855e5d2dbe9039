import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/io/policy/read-policy.js';

const FILE = 'catalyst.policy.yaml';
const TARGETS = ['staging', 'production'];

/** Each bad policy gives one diagnostic with its code, line and a fix; never an exception. */
const CASES: ReadonlyArray<{ name: string; text: string; code: string; line: number; says: string }> = [
  { name: 'YAML syntax', text: 'targets:\n  production: [\n', code: 'A001', line: 3, says: 'Correct the YAML' },
  { name: 'duplicate key', text: 'targets:\n  production: {}\n  production: {}\n', code: 'A001', line: 3, says: 'Correct the YAML' },
  {
    name: 'alias bomb',
    text: `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ntargets: {}\n`,
    code: 'A001',
    line: 1,
    says: 'Write the lists out',
  },
  {
    name: 'a file over 16 KB (thousands of keys parse slowly)',
    text: `targets:\n${Array.from({ length: 5000 }, (_, index) => `  t${index}: {}`).join('\n')}\n`,
    code: 'A001',
    line: 1,
    says: 'larger than 16 KB',
  },
  {
    name: 'nested thousands deep',
    text: `targets: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`,
    code: 'A001',
    line: 1,
    says: 'nested thousands deep',
  },
  { name: 'no targets', text: 'roles: {}\n', code: 'A002', line: 1, says: 'targets' },
  {
    name: 'misspelled grant',
    text: 'targets:\n  production:\n    grants:\n      aply: ["*"]\n',
    code: 'A003',
    line: 4,
    says: '"apply"',
  },
  {
    name: 'not a person',
    text: 'roles:\n  admins: ["not a person"]\ntargets: {}\n',
    code: 'A002',
    line: 2,
    says: 'Write a GitHub user as `@login`',
  },
  {
    name: 'unknown role',
    text: 'roles:\n  admins: ["@alice"]\ntargets:\n  production:\n    grants:\n      apply: [admin]\n',
    code: 'A004',
    line: 6,
    says: 'Did you mean "admins"?',
  },
  { name: 'requireCi not boolean', text: 'targets:\n  production:\n    requireCi: yes please\n', code: 'A002', line: 3, says: 'requireCi' },
];

describe('the access policy file: every mistake is a diagnostic with file, line and fix', () => {
  it.each(CASES)('$name → $code at line $line', ({ text, code, line, says }) => {
    const { policy, diagnostics } = parsePolicy(text, FILE, TARGETS);
    expect(policy).toBeUndefined();
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors.map((diagnostic) => [diagnostic.code, diagnostic.location?.file, diagnostic.location?.line])).toContainEqual([
      code,
      FILE,
      line,
    ]);
    expect(errors.map((diagnostic) => `${diagnostic.summary} ${diagnostic.detail}`).join('\n')).toContain(says);
  });

  it('a rule set for a target the config lacks is a warning (A005) with a suggestion; the policy is still used', () => {
    const { policy, diagnostics } = parsePolicy('targets:\n  prodution:\n    grants: { plan: ["*"] }\n', FILE, TARGETS);
    expect(policy?.targets.has('prodution')).toBe(true);
    expect(diagnostics).toMatchObject([
      {
        code: 'A005',
        severity: 'warning',
        location: { file: FILE, line: 2 },
        detail: expect.stringContaining('Did you mean "production"?'),
      },
    ]);
  });

  it('a valid policy: roles, grants with where they are written, requireCi', () => {
    const { policy, diagnostics } = parsePolicy(
      'roles:\n  admins: ["@acme/admins", "a@acme.example"]\ntargets:\n  production:\n    requireCi: true\n    grants:\n      apply: [admins, "@bob"]\n',
      FILE,
      TARGETS,
    );
    expect(diagnostics).toEqual([]);
    expect(policy?.roles.get('admins')).toEqual(['@acme/admins', 'a@acme.example']);
    const production = policy?.targets.get('production');
    expect(production?.grants.apply).toMatchObject({ holders: ['admins', '@bob'], source: { path: 'targets.production.grants.apply' } });
    expect(production?.grants.apply?.source.location?.line).toBe(7);
    expect(production?.requireCi?.location?.line).toBe(5);
  });

  it('fuzz: no text makes it throw; every problem is a diagnostic at the file', () => {
    const fragments = [
      'roles:\n',
      '  admins: [',
      '"@a"',
      '"@o/t"',
      'x@y.z',
      '*',
      ']\n',
      'targets:\n',
      '  production:\n',
      '    requireCi: true\n',
    ];
    const more = [
      '    grants:\n',
      '      apply: [',
      'admins',
      '&a ',
      '*a',
      '{',
      '[',
      '"',
      ': ',
      '- ',
      '\n',
      '  ',
      '__proto__: []\n',
      '!!binary x\n',
      '---\n',
    ];
    const text = fc.oneof(
      fc.array(fc.constantFrom(...fragments, ...more), { maxLength: 30 }).map((parts) => parts.join('')),
      fc.string({ maxLength: 200 }),
    );
    fc.assert(
      fc.property(text, (candidate) => {
        const { diagnostics } = parsePolicy(candidate, FILE, TARGETS);
        expect(diagnostics.every((diagnostic) => /^A00\d$/.test(diagnostic.code) && diagnostic.location?.file === FILE)).toBe(true);
      }),
      { seed: 20261204, numRuns: 300 },
    );
  });
});
