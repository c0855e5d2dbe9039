import type { PlanSummary } from '../../core/generated/plan.js';
import { api, targetPath } from './api.js';
import { Badge } from './badge.js';
import { ErrorNotice } from './error-notice.js';
import { PageHeading } from './page-heading.js';
import { useProject } from './project-context.js';
import { CONFLICT } from './symbols.js';
import { useLoad } from './use-load.js';

interface TargetStatus {
  name: string;
  description: string;
  mode: string;
  strategy: string;
  counts: PlanSummary['statuses'];
  hasChanges: boolean;
  applyable: boolean;
  lastRun: { run: string; at: string; actor: string; actorSource?: string } | null;
  historyProblems: number;
}

/** How each status reads at a glance, in the order they are listed. */
const STATUSES: ReadonlyArray<{ status: keyof PlanSummary['statuses']; symbol: string; tone: string; word: string }> = [
  { status: 'conflict', symbol: CONFLICT.symbol, tone: CONFLICT.tone, word: 'conflicts' },
  { status: 'drifted', symbol: '~', tone: 'update', word: 'drifted' },
  { status: 'modified', symbol: '~', tone: 'update', word: 'modified' },
  { status: 'new', symbol: '+', tone: 'create', word: 'new' },
  { status: 'adopt', symbol: '=', tone: 'update', word: 'to adopt' },
  { status: 'deleted', symbol: '−', tone: 'delete', word: 'deleted' },
  { status: 'in_sync', symbol: '✓', tone: 'create', word: 'in sync' },
  { status: 'unmanaged', symbol: '·', tone: 'muted', word: 'unmanaged' },
];

/** The project's targets, each with its status counts and its last run. */
export function TargetsPage() {
  const project = useProject();
  return (
    <>
      <PageHeading title="Targets" />
      <p>
        Project <code>{project.root}</code>
      </p>
      <ul class="cards">
        {project.targets.map((target) => (
          <TargetCard key={target.name} name={target.name} />
        ))}
      </ul>
    </>
  );
}

function TargetCard(props: { name: string }) {
  const { loaded } = useLoad(() => api<TargetStatus>(`${targetPath(props.name)}/status`), props.name);
  const href = `#/targets/${encodeURIComponent(props.name)}`;
  return (
    <li class="card" aria-labelledby={`target-${props.name}`}>
      <h2 id={`target-${props.name}`}>{props.name}</h2>
      {loaded.state === 'loading' ? <p>Reading the YAML, the lockfile and the CMS…</p> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} /> : null}
      {loaded.state === 'ready' ? <TargetSummary status={loaded.value} /> : null}
      <p class="links">
        <a href={href}>Plan and conflicts of {props.name}</a> · <a href={`${href}/history`}>History of {props.name}</a>
      </p>
    </li>
  );
}

function TargetSummary(props: { status: TargetStatus }) {
  const { status } = props;
  const listed = STATUSES.filter(({ status: name }) => status.counts[name] > 0);
  const overall = STATUSES.find(({ status: name }) => name !== 'unmanaged' && status.counts[name] > 0);
  return (
    <>
      <p>
        {status.description}; mode {status.mode}, strategy {status.strategy}.
      </p>
      <p class="overall">
        Status:{' '}
        {overall && overall.status !== 'in_sync' ? (
          <Badge symbol={overall.symbol} tone={overall.tone}>
            {overall.word}
          </Badge>
        ) : (
          <Badge symbol="✓" tone="create">
            in sync
          </Badge>
        )}
      </p>
      <ul class="counts" aria-label={`Statuses of ${status.name}`}>
        {listed.map(({ status: name, symbol, tone, word }) => (
          <li key={name}>
            <Badge symbol={symbol} tone={tone}>
              {status.counts[name]} {word}
            </Badge>
          </li>
        ))}
      </ul>
      <p>
        {status.lastRun
          ? `Last run ${status.lastRun.at} by ${status.lastRun.actor}${status.lastRun.actorSource === 'declared' ? ' (self-declared)' : ''}.`
          : 'No run recorded yet.'}
        {status.historyProblems > 0
          ? ` The history fails its check (${status.historyProblems} problems): run catalyst history verify.`
          : ''}
      </p>
    </>
  );
}
