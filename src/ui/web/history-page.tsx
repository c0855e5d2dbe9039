import { useState } from 'preact/hooks';
import { api, asApiError, targetPath, type ApiError, type PlannedAnswer } from './api.js';
import { Badge } from './badge.js';
import { ChangeList } from './change-list.js';
import { ErrorNotice } from './error-notice.js';
import { PageHeading } from './page-heading.js';
import { PlanView } from './plan-view.js';
import { useProject } from './project-context.js';
import { ACTIONS, CONFLICT } from './symbols.js';
import type { HistoryRun } from './history-shape.js';
import { useLoad } from './use-load.js';

/** A target's runs, newest first: who, when, each step with what it changed, and a rollback plan preview per run. */
export function HistoryPage(props: { target: string }) {
  const { loaded } = useLoad(
    () => api<{ runs: HistoryRun[]; problems: Array<{ line: number; problem: string }> }>(`${targetPath(props.target)}/history`),
    props.target,
  );
  return (
    <>
      <PageHeading title={`History of ${props.target}`} />
      <p>
        <a href={`#/targets/${encodeURIComponent(props.target)}`}>Plan for {props.target}</a>
      </p>
      {loaded.state === 'loading' ? <p>Reading the history…</p> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} /> : null}
      {loaded.state === 'ready' && loaded.value.problems.length > 0 ? (
        <div role="alert" class="notice tone-delete">
          <p>
            <strong>The history fails its hash-chain check</strong>:{' '}
            {loaded.value.problems.map((p) => `line ${p.line} ${p.problem}`).join('; ')}.
          </p>
        </div>
      ) : null}
      {loaded.state === 'ready' && loaded.value.runs.length === 0 ? <p>No runs recorded for {props.target}.</p> : null}
      {loaded.state === 'ready'
        ? loaded.value.runs.map((run) =>
            run.denied ? (
              <DeniedRun key={run.run} run={run} denied={run.denied} />
            ) : (
              <RunSection key={run.run} target={props.target} run={run} />
            ),
          )
        : null}
    </>
  );
}

/** A run the access policy refused: nothing was written, so there is nothing to roll back. */
function DeniedRun(props: { run: HistoryRun; denied: NonNullable<HistoryRun['denied']> }) {
  const { run, denied } = props;
  const id = `run-${run.run}`;
  return (
    <section aria-labelledby={id} class="run">
      <h2 id={id}>
        <Badge symbol={CONFLICT.symbol} tone="delete">
          refused
        </Badge>{' '}
        catalyst {denied.operation}
      </h2>
      <p>
        {run.at} by {run.actor}
        {run.actorSource === 'declared' ? ' (self-declared)' : ''}: the access policy denied it (no {denied.grant}), before anything was
        written. {denied.reason} Rule: <code>{denied.rule}</code>
      </p>
    </section>
  );
}

function RunSection(props: { target: string; run: HistoryRun }) {
  const { run } = props;
  const { kinds } = useProject();
  const [preview, setPreview] = useState<{ plan: PlannedAnswer; runs: string[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `run-${run.run}`;

  async function loadPreview() {
    setBusy(true);
    setError(null);
    try {
      const answer = await api<PlannedAnswer & { runs: string[] }>(
        `${targetPath(props.target)}/rollback?run=${encodeURIComponent(run.run)}`,
      );
      setPreview({ plan: answer, runs: answer.runs });
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={id} class="run">
      <h2 id={id}>Run {run.run}</h2>
      <p>
        {run.at} by {run.actor}
        {run.actorSource === 'declared' ? ' (self-declared)' : ''}
      </p>
      <ol class="steps">
        {run.steps.map((step) => {
          const action = step.action in ACTIONS ? ACTIONS[step.action as keyof typeof ACTIONS] : { symbol: '·', tone: 'muted' };
          return (
            <li key={step.seq}>
              <Badge symbol={action.symbol} tone={action.tone}>
                {step.action}
              </Badge>{' '}
              {kinds[step.kind]?.label ?? step.kind} <strong>{step.key}</strong>
              {step.semver ? ` → ${step.semver}` : ''}
              {step.codes.length > 0 ? ` (${step.codes.join(', ')})` : ''}
              {step.changes && step.changes.length > 0 ? (
                <details>
                  <summary>What changed in {step.key}</summary>
                  <ChangeList changes={step.changes} />
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p>
        <button type="button" disabled={busy} onClick={loadPreview}>
          Preview rollback of run {run.run}
        </button>
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      {preview ? (
        <div class="rollback" role="region" aria-label={`Rollback plan for run ${run.run}`}>
          <h3>Rollback plan (not applied)</h3>
          <p>
            Puts the CMS back as it was before {preview.runs.length === 1 ? `run ${preview.runs[0]}` : `runs ${preview.runs.join(', ')}`}.
            To carry it out:{' '}
            <code>
              catalyst rollback --to {run.run} --target {props.target}
            </code>
          </p>
          <PlanView plan={preview.plan.plan} level={4} />
        </div>
      ) : null}
    </section>
  );
}
