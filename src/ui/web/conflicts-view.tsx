import { useState } from 'preact/hooks';
import type { Conflict, ResourcePlan } from '../../core/generated/plan.js';
import type { PlanDocument as Plan } from '../../core/generated/plan.js';
import { api, asApiError, type ApiError, targetPath, type PlannedAnswer } from './api.js';
import { ErrorNotice } from './error-notice.js';
import { useProject } from './project-context.js';
import { CONFLICT, shown } from './symbols.js';

/** A conflict as `catalyst resolve` names it: `Type.member.path`, or `Type` for the whole resource. */
const conflictName = (resource: ResourcePlan, conflict: Conflict) =>
  conflict.path === '' ? resource.key : `${resource.key}.${conflict.path}`;

/**
 * Each unresolved conflict side by side (base, YAML, CMS, and who changed the CMS side), with
 * "Keep YAML" and "Take CMS": `catalyst resolve` on the server, which changes files only; the
 * answer is the plan made again, handed to `onResolved`.
 */
export function ConflictsView(props: { target: string; plan: Plan; onResolved: (answer: PlannedAnswer, message: string) => void }) {
  const { kinds } = useProject();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const open = props.plan.resources
    .map((resource) => ({ resource, conflicts: resource.conflicts.filter((conflict) => conflict.resolution === 'unresolved') }))
    .filter((entry) => entry.conflicts.length > 0);
  if (open.length === 0) return null;

  async function resolve(name: string, take: 'yaml' | 'cms') {
    setBusy(true);
    setError(null);
    try {
      const answer = await api<PlannedAnswer & { resolved: string[] }>(`${targetPath(props.target)}/resolve`, { conflict: name, take });
      const side = take === 'yaml' ? 'Kept the YAML side' : 'Took the CMS side';
      const where = take === 'yaml' ? 'the lockfile' : 'the YAML';
      props.onResolved(answer, `${side} of ${answer.resolved.join(', ')}: ${where} changed. Review it (git diff) and commit it.`);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="conflicts-heading" class="conflicts">
      <h2 id="conflicts-heading">
        <span aria-hidden="true" class={`tone-${CONFLICT.tone}`}>
          {CONFLICT.symbol}{' '}
        </span>
        Conflicts to decide
      </h2>
      <p>
        The same member changed in the YAML and in the CMS since the last sync. Keeping the YAML records in the lockfile that the CMS value
        was seen (the next apply writes the YAML value); taking the CMS writes its value into the YAML. Only files change.
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      {open.map(({ resource, conflicts }) => (
        <div key={`${resource.kind}:${resource.key}`} class="conflict-resource">
          <h3>
            {kinds[resource.kind]?.label ?? resource.kind} {resource.key}
          </h3>
          <table>
            <caption class="visually-hidden">Conflicts of {resource.key}</caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Base (last sync)</th>
                <th scope="col">YAML</th>
                <th scope="col">CMS</th>
                <th scope="col">Decide</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((conflict) => {
                const name = conflictName(resource, conflict);
                return (
                  <tr key={name}>
                    <th scope="row">
                      <code>{conflict.path === '' ? '(whole resource)' : conflict.path}</code>
                    </th>
                    <td>
                      <code>{shown(conflict.base)}</code>
                    </td>
                    <td>
                      <code>{shown(conflict.desired)}</code>
                    </td>
                    <td>
                      <code>{shown(conflict.live)}</code>
                      {conflict.cmsChange ? (
                        <p class="who">
                          Changed in the CMS{conflict.cmsChange.by ? ` by ${conflict.cmsChange.by}` : ''}
                          {conflict.cmsChange.at ? ` at ${conflict.cmsChange.at}` : ''}
                        </p>
                      ) : null}
                    </td>
                    <td class="decide">
                      <button type="button" disabled={busy} aria-label={`Keep YAML for ${name}`} onClick={() => resolve(name, 'yaml')}>
                        Keep YAML
                      </button>{' '}
                      <button type="button" disabled={busy} aria-label={`Take CMS for ${name}`} onClick={() => resolve(name, 'cms')}>
                        Take CMS
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
