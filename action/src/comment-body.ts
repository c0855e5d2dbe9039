import { renderDiagnostics } from '../../src/render/diagnostics-text.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { plainStyle } from '../../src/render/style.js';
import type { TargetPlan } from './plan-target.js';

/** GitHub refuses a comment over 65,536 characters; the header and the marker take the rest. */
const COMMENT_BUDGET = 64_000;

/** The hidden line that finds a target's comment again on the next run. */
export function commentMarker(target: string): string {
  return `<!-- catalyst-plan target="${target.replace(/[^A-Za-z0-9_.-]/g, '_')}" -->`;
}

/**
 * The pull request comment of one target: the marker, which commit and plan it shows, then the
 * plan in Markdown within GitHub's limit (its sections already come in tiers: verdict, counts and
 * what must never be cut first, details collapsed, the rest dropped with a pointer to the job
 * summary), or why there is no plan. With conflicts, how to settle them in this pull request;
 * with an access policy, `note` says what applying it will need.
 */
export function commentBody(result: TargetPlan, sha: string, note?: string): string {
  const name = result.target.name;
  const head = [commentMarker(name), `### catalyst plan · target \`${name}\``, ''];
  if (!result.ok) {
    return [
      ...head,
      `Commit \`${sha.slice(0, 12)}\`: catalyst could not plan. Nothing was sent to the CMS.`,
      '',
      '```text',
      renderDiagnostics(result.diagnostics, plainStyle).trimEnd(),
      '```',
      '',
    ].join('\n');
  }
  const conflicts = result.plan.resources.some((resource) => resource.conflicts.some((conflict) => conflict.resolution === 'unresolved'));
  const settle = conflicts
    ? [
        '> [!IMPORTANT]',
        '> Conflicts need a decision. Settle each in this pull request: `npx catalyst resolve <Type>.<member> --take yaml` (keep the YAML value) or `--take cms` (take the CMS value), commit, push; this comment updates.',
        '',
      ]
    : [];
  const meta = `Commit \`${sha.slice(0, 12)}\` · plan digest \`${result.digest}\``;
  const fixed = [...head, meta, '', ...settle, ...(note !== undefined ? [note] : [])].join('\n');
  return `${fixed}${renderPlanMarkdown(result.plan, { budget: COMMENT_BUDGET - fixed.length })}`;
}
