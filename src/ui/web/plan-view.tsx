import type { ResourceAction, ResourcePlan } from '../../core/generated/plan.js';
import type { PlanDocument as Plan } from '../../core/generated/plan.js';
import { useId } from 'preact/hooks';
import { Badge } from './badge.js';
import { ChangeList } from './change-list.js';
import { useProject } from './project-context.js';
import { ACTIONS, RISKS } from './symbols.js';

const ACTION_ORDER: readonly ResourceAction[] = ['create', 'update', 'delete', 'adopt', 'forget', 'none'];

/**
 * A plan document as the CLI's text shows it: blockers and warnings, the changes grouped by
 * action with their reasons, risks and item counts, and the drift (CMS edits) apart.
 * `level` is the heading level of its sections.
 */
export function PlanView(props: { plan: Plan; level: 2 | 3 | 4 }) {
  const { plan } = props;
  const H = `h${props.level}` as 'h2';
  const id = useId();
  const changed = plan.resources.filter((resource) => resource.action !== 'none' || resource.toYaml);
  const { actions } = plan.summary;
  return (
    <div class="plan">
      <p>
        {plan.target.description}; mode {plan.mode}, strategy {plan.strategy}. {summaryLine(actions)}
      </p>
      {plan.blockers.length > 0 ? (
        <section aria-labelledby={`${id}-blockers`} class="notice tone-delete">
          <H id={`${id}-blockers`}>
            <span aria-hidden="true">! </span>This plan cannot be applied
          </H>
          <Notices notices={plan.blockers} />
        </section>
      ) : null}
      {plan.warnings.length > 0 ? (
        <section aria-labelledby={`${id}-warnings`} class="notice">
          <H id={`${id}-warnings`}>Warnings</H>
          <Notices notices={plan.warnings} />
        </section>
      ) : null}
      <section aria-labelledby={`${id}-changes`}>
        <H id={`${id}-changes`}>Changes</H>
        {changed.length === 0 ? <p>No changes. The CMS matches the YAML and the lockfile.</p> : null}
        {ACTION_ORDER.map((action) => {
          const group = changed.filter((resource) => resource.action === action);
          if (group.length === 0) return null;
          const { symbol, title, tone } = ACTIONS[action];
          return (
            <div key={action} class="group">
              <p class={`group-title tone-${tone}`}>
                <span aria-hidden="true">{symbol}</span> {title} ({group.length})
              </p>
              <ul class="resources">
                {group.map((resource) => (
                  <ResourceItem key={`${resource.kind}:${resource.key}`} resource={resource} />
                ))}
              </ul>
            </div>
          );
        })}
      </section>
      {plan.drift.length > 0 ? <DriftSection plan={plan} H={H} /> : null}
    </div>
  );
}

function ResourceItem(props: { resource: ResourcePlan }) {
  const { resource } = props;
  const { kinds, riskCodes } = useProject();
  const action = ACTIONS[resource.action];
  const risk = RISKS[resource.risk];
  return (
    <li class="resource">
      <p>
        <Badge symbol={action.symbol} tone={action.tone}>
          {kinds[resource.kind]?.label ?? resource.kind}
        </Badge>{' '}
        <strong>{resource.key}</strong> <span class="status">{resource.status.replace('_', ' ')}</span>{' '}
        <Badge symbol={risk.symbol} tone={risk.tone}>
          {resource.risk}
        </Badge>
        {resource.blocked ? (
          <>
            {' '}
            <Badge symbol="!" tone="conflict">
              blocked
            </Badge>
          </>
        ) : null}
      </p>
      <p class="reason">{resource.reason}</p>
      {resource.codes.length > 0 ? (
        <p class="codes">
          {resource.codes.map((code) => (
            <span key={code} class="code">
              {code} {riskCodes[code]?.title}
            </span>
          ))}
        </p>
      ) : null}
      {resource.contentItems !== undefined ? (
        <p class="items">Content items of this type in the CMS: {resource.contentItems === null ? 'unknown' : resource.contentItems}</p>
      ) : null}
      <ChangeList changes={resource.changes} />
      {resource.toYaml ? (
        <div class="yaml-side">
          <p>YAML: {resource.toYaml.reason}</p>
          <ChangeList changes={resource.toYaml.changes} />
        </div>
      ) : null}
    </li>
  );
}

function DriftSection(props: { plan: Plan; H: 'h2' }) {
  const { kinds } = useProject();
  const { H } = props;
  const id = useId();
  return (
    <section aria-labelledby={id} class="drift">
      <H id={id}>Changed in the CMS outside catalyst (drift)</H>
      <ul class="resources">
        {props.plan.drift.map((entry) => (
          <li key={`${entry.kind}:${entry.key}`} class="resource">
            <p>
              <Badge symbol="~" tone="update">
                {kinds[entry.kind]?.label ?? entry.kind}
              </Badge>{' '}
              <strong>{entry.key}</strong> {entry.change === 'deleted' ? 'deleted in the CMS' : 'changed in the CMS'}
            </p>
            <ChangeList changes={entry.changes} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Notices(props: { notices: Plan['blockers'] }) {
  return (
    <ul>
      {props.notices.map((notice, index) => (
        <li key={index}>
          <strong>
            {notice.code} {notice.summary}
          </strong>
          <p>{notice.detail}</p>
        </li>
      ))}
    </ul>
  );
}

function summaryLine(actions: Plan['summary']['actions']): string {
  const parts = (['create', 'update', 'delete'] as const)
    .filter((action) => actions[action] > 0)
    .map((action) => `${actions[action]} to ${action}`);
  return parts.length === 0 ? 'Nothing to change in the CMS.' : `Plan: ${parts.join(', ')}.`;
}
