import { useEffect, useRef, useState } from 'preact/hooks';
import { approvalName } from '../../core/approval.js';
import { api, ApiError, asApiError, eventsUrl, targetPath, type PlannedAnswer } from './api.js';
import { Badge } from './badge.js';
import { ErrorNotice } from './error-notice.js';
import { useProject } from './project-context.js';
import { ACTIONS } from './symbols.js';

interface StepLine {
  index: number;
  line: string;
  done: boolean;
}

interface Outcome {
  outcome: 'complete' | 'failed' | 'interrupted';
  created?: number;
  updated?: number;
  deleted?: number;
  lockfileOnly?: number;
  skipped?: number;
  yamlFiles?: string[];
  failedStep?: { action: string; kind: string; key: string };
  error?: { summary: string; detail: string };
}

/**
 * Apply, gated as the CLI gates it: the plan shown is the plan applied (the server refuses one
 * that changed), destructive changes need the target's name typed, which approves exactly the
 * ones listed. Progress arrives per step as server-sent events; Stop asks the run to stop after
 * the step under way, as Ctrl-C does.
 */
export function ApplyPanel(props: { target: string; answer: PlannedAnswer; onFinished: () => void }) {
  const { plan, changes } = props.answer;
  const { kinds } = useProject();
  const [typed, setTyped] = useState('');
  const [job, setJob] = useState<string | null>(null);
  const [steps, setSteps] = useState<StepLine[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [stopping, setStopping] = useState(false);
  const source = useRef<EventSource | null>(null);
  useEffect(() => () => source.current?.close(), []);

  const destructive = plan.requiresApproval;
  const running = job !== null && outcome === null;
  const confirmed = destructive.length === 0 || typed === props.target;

  async function apply() {
    setError(null);
    setOutcome(null);
    setSteps([]);
    setStopping(false);
    try {
      const body = destructive.length === 0 ? { changes } : { changes, confirm: typed, approve: destructive.map(approvalName) };
      const started = await api<{ job: string }>(`${targetPath(props.target)}/apply`, body);
      setJob(started.job);
      follow(started.job);
    } catch (caught) {
      setError(asApiError(caught));
    }
  }

  function follow(id: string) {
    const events = new EventSource(eventsUrl(id));
    source.current = events;
    const onStep = (done: boolean) => (message: MessageEvent<string>) => {
      const data = JSON.parse(message.data) as { index: number; line: string };
      setSteps((before) => [...before.filter((step) => step.index !== data.index), { index: data.index, line: data.line, done }]);
    };
    events.addEventListener('start', onStep(false));
    events.addEventListener('done', onStep(true));
    events.addEventListener('error', () => {
      if (events.readyState !== EventSource.CLOSED) return;
      setError(
        new ApiError(
          'Lost the progress of the apply',
          'The dashboard server no longer knows this apply (was it restarted?). Plan again to see where it stopped.',
        ),
      );
      setJob(null);
    });
    events.addEventListener('end', (message: MessageEvent<string>) => {
      events.close();
      setOutcome(JSON.parse(message.data) as Outcome);
      props.onFinished();
    });
  }

  async function stop() {
    if (!job) return;
    setStopping(true);
    try {
      await api(`/api/jobs/${encodeURIComponent(job)}/stop`, {});
    } catch (caught) {
      setError(asApiError(caught));
    }
  }

  const canApply = plan.applyable && props.answer.hasChanges && !running;
  if (!canApply && job === null) return null;
  return (
    <section aria-labelledby="apply-heading" class="apply">
      <h2 id="apply-heading">Apply to {props.target}</h2>
      {canApply && destructive.length > 0 ? (
        <div class="notice tone-delete">
          <p>
            <strong>
              <span aria-hidden="true">− </span>Destructive changes: content can be lost
            </strong>
          </p>
          <ul>
            {destructive.map((item) => (
              <li key={`${item.code} ${approvalName(item)}`}>
                <Badge symbol={ACTIONS.delete.symbol} tone="delete">
                  {item.code}
                </Badge>{' '}
                {kinds[item.kind]?.label ?? item.kind} <strong>{approvalName(item)}</strong>: {item.reason}
              </li>
            ))}
          </ul>
          <label for="confirm-target">Type the target name ({props.target}) to approve exactly these destructive changes</label>
          <input
            id="confirm-target"
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={typed}
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
        </div>
      ) : null}
      <p class="actions">
        {canApply ? (
          <button type="button" class="primary" disabled={!confirmed} onClick={apply}>
            {plan.summary.steps === 0
              ? `Apply to ${props.target}`
              : `Apply ${plan.summary.steps} step${plan.summary.steps === 1 ? '' : 's'} to ${props.target}`}
          </button>
        ) : null}
        {running ? (
          <button type="button" class="danger" disabled={stopping} onClick={stop}>
            {stopping ? 'Stopping after the current step…' : 'Stop'}
          </button>
        ) : null}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      <div role="status" aria-live="polite" class="progress">
        {steps.length > 0 ? (
          <ol aria-label="Apply progress">
            {steps.map((step) => (
              <li key={step.index} class={step.done ? 'tone-create' : ''}>
                <span aria-hidden="true">{step.done ? '✓ ' : '… '}</span>
                {step.line}
              </li>
            ))}
          </ol>
        ) : null}
        {outcome ? <OutcomeLine outcome={outcome} /> : null}
      </div>
    </section>
  );
}

function OutcomeLine(props: { outcome: Outcome }) {
  const { outcome } = props;
  const totals = `${outcome.created ?? 0} created, ${outcome.updated ?? 0} updated, ${outcome.deleted ?? 0} deleted`;
  const yaml = outcome.yamlFiles && outcome.yamlFiles.length > 0 ? <p>YAML written first: {outcome.yamlFiles.join(', ')}</p> : null;
  if (outcome.outcome === 'complete')
    return (
      <>
        {yaml}
        <p class="tone-create">Apply complete! Resources: {totals}.</p>
      </>
    );
  if (outcome.outcome === 'interrupted')
    return (
      <p class="tone-update">
        Apply stopped. Done: {totals}; {outcome.skipped ?? 0} steps not run. The lockfile records every completed step: plan again to see
        what is left.
      </p>
    );
  return (
    <div class="tone-delete">
      <p>
        Apply failed{outcome.failedStep ? ` at ${outcome.failedStep.action} ${outcome.failedStep.key}` : ''}. Done: {totals}.
      </p>
      {outcome.error ? (
        <p>
          <strong>{outcome.error.summary}</strong> {outcome.error.detail}
        </p>
      ) : null}
    </div>
  );
}
