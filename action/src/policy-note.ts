import { accessFacts } from '../../src/core/access-facts.js';
import { grantsNeeded } from '../../src/core/decide-access.js';
import { hasErrors } from '../../src/core/diagnostic.js';
import { hasChanges, type Plan } from '../../src/core/plan.js';
import type { Config } from '../../src/io/config/config.js';
import { readPolicy } from '../../src/io/policy/read-policy.js';
import { renderDiagnostics } from '../../src/render/diagnostics-text.js';
import { plainStyle } from '../../src/render/style.js';

/**
 * For the pull request comment: what applying this plan after the merge needs under the access
 * policy (each grant and who holds it), so the right people review before it is merged; or that
 * the policy has errors. Undefined without a policy or without changes.
 */
export async function policyNote(config: Config, target: string, plan: Plan, cwd: string): Promise<string | undefined> {
  const read = await readPolicy(config.rootDir, { cwd, targets: config.targets.map((each) => each.name) });
  if (hasErrors(read.diagnostics))
    return [
      '> [!WARNING]',
      '> The access policy has errors: catalyst applies nothing until they are fixed.',
      '',
      '```text',
      renderDiagnostics(read.diagnostics, plainStyle).trimEnd(),
      '```',
      '',
    ].join('\n');
  if (!read.policy || !hasChanges(plan)) return undefined;
  const needed = grantsNeeded(read.policy, target, 'apply', accessFacts(plan));
  const grants = needed.map(({ grant, holders }) => `**${grant}** (${holders.length > 0 ? holders.join(', ') : 'held by nobody'})`);
  return [
    '> [!NOTE]',
    `> Access policy: applying this plan to \`${target}\` after the merge needs ${grants.join(' and ')}; the person who merges, or an approving review from a holder, satisfies each.`,
    '',
  ].join('\n');
}
