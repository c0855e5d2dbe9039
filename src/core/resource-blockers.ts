import type { ClassifiedChange, PlanNotice } from './generated/plan.js';
import type { MergeConflict } from './merge.js';
import type { ResourceKind } from './model.js';
import { kindOf } from './resource-kinds.js';

// The blockers one resource can raise on its own. Summaries are short; details end with what to do.

export function conflictBlocker(kind: ResourceKind, key: string, noun: string, conflicts: MergeConflict[]): PlanNotice {
  return {
    code: 'PL101',
    summary: `Conflicting edits to ${noun}`,
    detail: `${capitalize(noun)} changed both in YAML and in the CMS since the last sync, and the edits overlap: ${describe(conflicts)}. Decide which side wins: edit the YAML to the value you want (bring the CMS value into it to keep it), or set the conflict strategy to desired-wins to overwrite the CMS.`,
    resources: ref(kind, key),
  };
}

export function adoptBlocker(kind: ResourceKind, key: string, noun: string): PlanNotice {
  return {
    code: 'PL103',
    summary: `${capitalize(noun)} exists on the target and differs from YAML`,
    detail: `The lockfile has no record of ${noun}, so catalyst cannot tell which side is newer. To keep the CMS version, import it into YAML; to overwrite the CMS with YAML, set the conflict strategy to desired-wins for this run.`,
    resources: ref(kind, key),
  };
}

export function deleteEditBlocker(kind: ResourceKind, key: string, noun: string): PlanNotice {
  return {
    code: 'PL102',
    summary: `${capitalize(noun)} was removed from YAML but changed in the CMS`,
    detail: `Deleting ${noun} would discard the CMS edits made since the last sync (see the drift section). Restore it in YAML to keep it, set the conflict strategy to desired-wins to delete it anyway, or to live-wins to leave it in the CMS and stop managing it.`,
    resources: ref(kind, key),
  };
}

export function cmsDeleteEditBlocker(kind: ResourceKind, key: string, noun: string): PlanNotice {
  return {
    code: 'PL115',
    summary: `${capitalize(noun)} was deleted in the CMS but changed in YAML`,
    detail: `Removing ${noun} from YAML would discard the YAML edits made since the last sync. Set the conflict strategy to desired-wins to re-create it in the CMS, or to live-wins to remove it from YAML too (or remove it yourself).`,
    resources: ref(kind, key),
  };
}

export function pullDesiredWinsBlocker(kind: ResourceKind, key: string, conflicts: MergeConflict[]): PlanNotice {
  return {
    code: 'PL116',
    summary: `Strategy desired-wins cannot resolve the conflict on "${key}" in pull mode`,
    detail: `In pull mode the CMS is never written, so keeping the YAML value would leave the two sides apart. Conflicting members: ${describe(conflicts)}. Choose live-wins, settle it with \`catalyst resolve\`, or plan in bidirectional mode.`,
    resources: ref(kind, key),
  };
}

export function readOnlyBlocker(kind: ResourceKind, key: string): PlanNotice {
  return {
    code: 'PL104',
    summary: `${capitalize(kindOf(kind).label)} "${key}" is read-only on the platform`,
    detail: `"${key}" belongs to the platform and cannot be written through its API. Remove it from YAML (and from the lockfile, if it is recorded there); to build on it, declare a ${kindOf(kind).short} with another key.`,
    resources: ref(kind, key),
  };
}

export function immutableBlocker(kind: ResourceKind, key: string, changes: readonly ClassifiedChange[]): PlanNotice {
  const members = changes.map((change) => change.path).join(', ');
  return {
    code: 'PL105',
    summary: `${members} of "${key}" cannot change`,
    detail: `The platform cannot change ${members} of an existing type; only deleting and re-creating "${key}" could, and that loses all of its content. Restore the live value in YAML, or declare a new type with another key and migrate the content to it.`,
    resources: ref(kind, key),
  };
}

function describe(conflicts: readonly MergeConflict[]): string {
  const shown = conflicts
    .slice(0, 5)
    .map((conflict) => `${conflict.path || '(whole definition)'} (YAML ${show(conflict.desired)}, CMS ${show(conflict.live)})`);
  const more = conflicts.length > shown.length ? ` and ${conflicts.length - shown.length} more` : '';
  return `${shown.join('; ')}${more}`;
}

function show(value: unknown): string {
  if (value === undefined) return 'absent';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function ref(kind: ResourceKind, key: string): PlanNotice['resources'] {
  return [{ kind, key }];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
