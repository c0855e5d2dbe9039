import type { ResourceAction } from '../core/generated/plan.js';
import type { ResourceKind } from '../core/model.js';
import { KIND_TABLE, kindOf } from '../core/resource-kinds.js';
import type { Style } from './style.js';
import { assertNever } from '../core/assert-never.js';

/** The order summaries name kinds in: content first. Adding a kind does not compile until it has a place. */
const REPORT_RANK = { contentType: 0, propertyGroup: 1, displayTemplate: 2 } as const satisfies Record<ResourceKind, number>;

/** Every kind, in the order summaries name them. */
export const REPORT_ORDER: readonly ResourceKind[] = KIND_TABLE.map((descriptor) => descriptor.kind).sort(
  (a, b) => REPORT_RANK[a] - REPORT_RANK[b],
);

/** "4 content types, 2 property groups": the kinds that have any, in report order. */
export function kindCounts(resources: ReadonlyArray<{ kind: ResourceKind }>): string {
  return REPORT_ORDER.map((kind) => ({ kind, count: resources.filter((resource) => resource.kind === kind).length }))
    .filter(({ count }) => count > 0)
    .map(({ kind, count }) => `${count} ${count === 1 ? kindOf(kind).label : kindOf(kind).plural}`)
    .join(', ');
}

/** What messages call a kind: 'content type'. */
export function kindLabel(kind: ResourceKind): string {
  return kindOf(kind).label;
}

/** The actions in the order a legend lists them. */
export const ACTION_ORDER: readonly ResourceAction[] = ['create', 'update', 'delete', 'adopt', 'forget', 'none'];

/** Terraform's action symbols: + create, ~ update, - delete; lockfile-only steps get their own. */
export function actionSymbol(action: ResourceAction, style: Style): string {
  switch (action) {
    case 'create':
      return style.create('+');
    case 'update':
      return style.update('~');
    case 'delete':
      return style.remove('-');
    case 'adopt':
      return style.create('=');
    case 'forget':
      return style.muted('×');
    case 'none':
      return ' ';
    default:
      return assertNever(action, 'action');
  }
}

/** What the action does, after "content type X …". */
export function actionPhrase(action: ResourceAction): string {
  switch (action) {
    case 'create':
      return 'will be created';
    case 'update':
      return 'will be updated in place';
    case 'delete':
      return 'will be deleted';
    case 'adopt':
      return 'will be adopted (recorded in the lockfile; no CMS write)';
    case 'forget':
      return 'will be forgotten (dropped from the lockfile; no CMS write)';
    case 'none':
      return 'is unchanged';
    default:
      return assertNever(action, 'action');
  }
}

/** The action in a legend or a table: a verb or two. */
export function actionName(action: ResourceAction): string {
  switch (action) {
    case 'create':
      return 'create';
    case 'update':
      return 'update in place';
    case 'delete':
      return 'delete';
    case 'adopt':
      return 'adopt (lockfile only)';
    case 'forget':
      return 'forget (lockfile only)';
    case 'none':
      return 'no change';
    default:
      return assertNever(action, 'action');
  }
}
