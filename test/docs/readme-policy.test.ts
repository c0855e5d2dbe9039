import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { decideAccess } from '../../src/core/decide-access.js';
import { parsePolicy } from '../../src/io/policy/read-policy.js';

describe('the README’s access policy example', () => {
  it('is a valid policy that means what the README says of it', async () => {
    const readme = await readFile('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('**Access control (optional)'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const { policy, diagnostics } = parsePolicy(example!, 'catalyst.policy.yaml', ['production', 'staging']);
    expect(diagnostics).toEqual([]);
    const facts = { destructive: ['Old'], unprotects: [] };
    const alice = { login: 'alice', source: 'ci' } as const;
    expect(decideAccess(policy!, { target: 'production', operation: 'apply', actor: alice }).allowed).toBe(true);
    expect(decideAccess(policy!, { target: 'production', operation: 'apply', facts, actor: alice }).allowed).toBe(false);
    const admin = { login: 'dana', teams: ['acme/cms-admins'], source: 'ci' } as const;
    expect(decideAccess(policy!, { target: 'production', operation: 'apply', facts, actor: alice, approvals: [admin] }).allowed).toBe(true);
    expect(
      decideAccess(policy!, { target: 'production', operation: 'apply', actor: { email: 'carol@acme.example', source: 'git' } }),
    ).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('requires apply from CI'),
    });
    expect(decideAccess(policy!, { target: 'staging', operation: 'rollback', actor: { source: 'os' } }).allowed).toBe(true);
  });
});
