import { assertNever } from '../../core/assert-never.js';
import type { MergeConflict } from './import/merge-content-type.js';
import type { CatalystRowChange } from './export/plan-catalyst-export.js';
import type { ReimportAction } from './import/plan-reimport.js';

const SYMBOL: Record<ReimportAction['kind'], string> = {
  create: '+',
  update: '~',
  unchanged: '=',
  conflict: '!',
  remove: '-',
  'removal-conflict': '!',
  forget: '-',
  'deleted-in-yaml': '=',
  'deletion-conflict': '!',
};

/** One line per type (plus one per conflicting member) and a total, in the order of the plan. Pure. */
export function renderImportActions(actions: readonly ReimportAction[], dryRun: boolean): string[] {
  const lines: string[] = [];
  const counts = new Map<string, number>();
  for (const action of actions) {
    counts.set(action.kind, (counts.get(action.kind) ?? 0) + 1);
    lines.push(`  ${SYMBOL[action.kind]} ${action.key}: ${describeAction(action, dryRun)}`);
    if (action.kind === 'conflict') lines.push(...action.conflicts.map((conflict) => `      ${renderConflict(conflict)}`));
  }
  const total = [...counts].map(([kind, count]) => `${count} ${kind}`).join(', ');
  lines.push(`${dryRun ? 'Dry run, nothing written' : 'Import'}: ${total || 'no content types'}.`);
  return lines;
}

function describeAction(action: ReimportAction, dryRun: boolean): string {
  const will = (done: string, planned: string): string => (dryRun ? planned : done);
  switch (action.kind) {
    case 'create':
      return will('created', 'would be created');
    case 'update':
      return `${will('updated', 'would be updated')} (${action.changed.join(', ')})`;
    case 'unchanged':
      return action.yamlEdited ? 'unchanged in Catalyst Studio; YAML edits kept' : 'unchanged';
    case 'conflict':
      return 'CONFLICT: changed in both the YAML and Catalyst Studio; the YAML was left as it is (settle with --prefer yaml|catalyst or edit the YAML)';
    case 'remove':
      return will('removed (deleted in Catalyst Studio)', 'would be removed (deleted in Catalyst Studio)');
    case 'removal-conflict':
      return `CONFLICT: deleted in Catalyst Studio but edited in the YAML (${action.changed.join(', ')}); kept`;
    case 'forget':
      return 'deleted in Catalyst Studio and in the YAML; forgotten';
    case 'deleted-in-yaml':
      return 'deleted from the YAML since the last import; stays deleted';
    case 'deletion-conflict':
      return `CONFLICT: deleted from the YAML but changed in Catalyst Studio (${action.changed.join(', ')}); not re-created`;
    default:
      return assertNever(action, 're-import action');
  }
}

function renderConflict(conflict: MergeConflict): string {
  const show = (value: unknown): string => (value === undefined ? '(absent)' : JSON.stringify(value));
  return `${conflict.path}: base ${show(conflict.base)}, YAML ${show(conflict.ours)}, Catalyst Studio ${show(conflict.theirs)}`;
}

/** One line per row written (or to be written). Pure. */
export function renderExportChanges(changes: readonly CatalystRowChange[], dryRun: boolean): string[] {
  const lines = changes.map((change) => {
    switch (change.kind) {
      case 'create':
        return `  + ${change.key}: ${dryRun ? 'would be created' : 'created'} as "${change.row.name}" (${change.row.id})`;
      case 'update':
        return `  ~ ${change.key}: ${dryRun ? 'would be updated' : 'updated'} ("${change.row.name}", ${change.row.id})`;
      case 'delete':
        return `  - ${change.key}: ${dryRun ? 'would be deleted' : 'deleted'} ("${change.name}", ${change.contentTypeId})`;
      default:
        return assertNever(change, 'export change');
    }
  });
  lines.push(
    `${dryRun ? 'Dry run, nothing written' : 'Export'}: ${changes.length === 0 ? 'Catalyst Studio already matches the YAML' : `${changes.length} row(s)`}.`,
  );
  return lines;
}
