/* Generated from schemas/plan.schema.json by scripts/gen-types.ts. Do not edit: edit the schema and run `npm run gen:types`. */
import type {
  ContentTypeDef,
  Definition,
  DisplayTemplateDef,
  EnumValue,
  ItemDef,
  PropertyDef,
  PropertyGroupDef,
  SourceLocation,
  VersionToken
} from '../model.js';

/**
 * push: git → CMS; pull: CMS → git; bidirectional: both. Only push plans have steps so far.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "SyncMode".
 */
export type SyncMode = 'push' | 'pull' | 'bidirectional';
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ConflictStrategy".
 */
export type ConflictStrategy = 'manual' | 'desired-wins' | 'live-wins' | 'merge';
/**
 * One resource's plan entry, discriminated by `action`: `before` is present exactly for update, adopt and delete, `after` exactly for create, update and adopt.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ResourcePlan".
 */
export type ResourcePlan = CreateEntry | UpdateEntry | AdoptEntry | DeleteEntry | ForgetEntry | NoneEntry;
/**
 * Create: the definition in `after` is written; nothing exists to overwrite.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "CreateEntry".
 */
export type CreateEntry = ResourcePlanCommon & {
  action: 'create';
  before: null;
  after: AnyDefinition;
  precondition: AbsentPrecondition;
};
/**
 * The three-way comparison of desired (YAML), base (lockfile) and live (CMS), as in ARCHITECTURE.md.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ResourceStatus".
 */
export type ResourceStatus =
  'new' | 'adopt' | 'modified' | 'drifted' | 'conflict' | 'deleted' | 'in_sync' | 'unmanaged';
/**
 * Why the action was chosen, in the style of Terraform's action_reason.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ActionReason".
 */
export type ActionReason =
  | 'create_because_new'
  | 'create_because_deleted_outside'
  | 'update_because_desired_changed'
  | 'update_because_drifted'
  | 'update_because_both_changed'
  | 'update_because_adopted_differs'
  | 'delete_because_removed_from_desired'
  | 'adopt_because_identical'
  | 'adopt_because_both_changed_identically'
  | 'forget_because_gone_everywhere'
  | 'forget_because_live_wins'
  | 'none_because_in_sync'
  | 'none_because_unmanaged'
  | 'adopt_because_pulled'
  | 'update_because_merged'
  | 'forget_because_deleted_in_cms';
/**
 * safe: no content is affected; breaking: existing content may become invalid; destructive: data can be lost.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Risk".
 */
export type Risk = 'safe' | 'breaking' | 'destructive';
/**
 * Stable code of a risky change (see src/core/risk-codes.ts).
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "RiskCode".
 */
export type RiskCode =
  | 'DS101'
  | 'DS102'
  | 'DS103'
  | 'DS104'
  | 'DS105'
  | 'DS106'
  | 'DS107'
  | 'DS108'
  | 'DS109'
  | 'BC101'
  | 'BC102'
  | 'BC103'
  | 'BC104'
  | 'BC105'
  | 'BC106'
  | 'BC107'
  | 'BC108'
  | 'BC109'
  | 'BC110'
  | 'BC111';
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ClassifiedChange".
 */
export type ClassifiedChange = DefinitionChange & {
  risk: Risk;
  code?: RiskCode;
  /**
   * One line: why the change is risky.
   */
  reason?: string;
};
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ChangeOp".
 */
export type ChangeOp = 'add' | 'remove' | 'change';
/**
 * Where a desired definition is written (model.ts `SourceLocation`).
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Origin".
 */
export type Origin = SourceLocation;
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ResourceKind".
 */
export type ResourceKind = 'propertyGroup' | 'contentType' | 'displayTemplate';
/**
 * A canonical definition of any resource kind; the entry's `kind` says which (model.ts `Definition`).
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "AnyDefinition".
 */
export type AnyDefinition = Definition;
/**
 * Update: the live definition `before` is made equal to `after`.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "UpdateEntry".
 */
export type UpdateEntry = ResourcePlanCommon & {
  action: 'update';
  before: AnyDefinition;
  after: AnyDefinition;
  precondition: VersionPrecondition;
};
/**
 * A platform's version of one live resource (model.ts `VersionToken`).
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Version".
 */
export type Version = VersionToken;
/**
 * Adopt: lockfile only; the live definition (`before`, equal to `after`) is recorded as synced.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "AdoptEntry".
 */
export type AdoptEntry = ResourcePlanCommon & {
  action: 'adopt';
  before: AnyDefinition;
  after: AnyDefinition;
  precondition: VersionPrecondition;
};
/**
 * Delete: the live definition `before` is deleted.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "DeleteEntry".
 */
export type DeleteEntry = ResourcePlanCommon & {
  action: 'delete';
  before: AnyDefinition;
  after: null;
  precondition: VersionPrecondition;
};
/**
 * Forget: lockfile only; the entry of a resource gone from YAML is dropped.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ForgetEntry".
 */
export type ForgetEntry = ResourcePlanCommon & {
  action: 'forget';
  before: null;
  after: null;
  precondition: null;
};
/**
 * Nothing to do (in sync, or not managed by catalyst).
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "NoneEntry".
 */
export type NoneEntry = ResourcePlanCommon & {
  action: 'none';
  before: null;
  after: null;
  precondition: null;
};
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ApplyStep".
 */
export type ApplyStep = CreateStep | UpdateStep | DeleteStep | AdoptStep | ForgetStep;
/**
 * Create a resource.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "CreateStep".
 */
export type CreateStep = {
  action: 'create';
  kind: ResourceKind;
  key: string;
  definition: AnyDefinition;
  /**
   * Soft references left out of the create because they form a cycle; a later update step adds them. Empty but for content types.
   */
  deferred: {
    path: string;
    target: string;
  }[];
};
/**
 * Make a live resource equal to `next`.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "UpdateStep".
 */
export type UpdateStep = {
  action: 'update';
  kind: ResourceKind;
  key: string;
  previous: AnyDefinition;
  next: AnyDefinition;
  precondition: VersionPrecondition | CreatedPrecondition;
  /**
   * The write includes changes the server refuses without the data-loss override (DS102–DS106); apply sends it only with approval.
   */
  dataLoss: boolean;
  codes: RiskCode[];
  /**
   * deferredReferences: adds the cyclic soft references a create step left out.
   */
  purpose: 'change' | 'deferredReferences';
};
/**
 * Lockfile only: record the live resource as synced.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "AdoptStep".
 */
export type AdoptStep = {
  action: 'adopt';
  kind: ResourceKind;
  key: string;
  definition: AnyDefinition;
  version: Version;
};
/**
 * Stable code of a plan blocker or warning (see src/core/plan-codes.ts).
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "NoticeCode".
 */
export type NoticeCode =
  | 'PL101'
  | 'PL102'
  | 'PL103'
  | 'PL104'
  | 'PL105'
  | 'PL106'
  | 'PL107'
  | 'PL110'
  | 'PL111'
  | 'PL112'
  | 'PL113'
  | 'PL114'
  | 'PL115'
  | 'PL116'
  | 'PL117'
  | 'PL118'
  | 'PL119'
  | 'PL120'
  | 'PL121';
/**
 * What apply does. adopt and forget only write the lockfile: adopt records the live definition as synced, forget drops the entry.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ResourceAction".
 */
export type ResourceAction = 'create' | 'update' | 'delete' | 'adopt' | 'forget' | 'none';
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Precondition".
 */
export type Precondition = AbsentPrecondition | VersionPrecondition | CreatedPrecondition;
/**
 * A content type in the canonical model (model.ts `ContentTypeDef`), normalized: defaults, empty values and server-managed members removed, set-like lists sorted.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ContentTypeDefinition".
 */
export type ContentTypeDefinition = ContentTypeDef;
/**
 * One property of a content type (model.ts `PropertyDef`), normalized.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "PropertyDefinition".
 */
export type PropertyDefinition = PropertyDef;
/**
 * The items of an array property (model.ts `ItemDef`).
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ItemDefinition".
 */
export type ItemDefinition = ItemDef;
/**
 * One allowed value (model.ts `EnumValue`).
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "EnumValueDefinition".
 */
export type EnumValueDefinition = EnumValue;
/**
 * A property group in the canonical model (model.ts `PropertyGroupDef`), normalized.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "PropertyGroupDefinition".
 */
export type PropertyGroupDefinition = PropertyGroupDef;
/**
 * A display template in the canonical model (model.ts `DisplayTemplateDef`), normalized: `isDefault` only when true, empty values removed.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "DisplayTemplateDefinition".
 */
export type DisplayTemplateDefinition = DisplayTemplateDef;

/**
 * A catalyst plan: the three-way comparison of desired (YAML), base (lockfile) and live (CMS) state for one target, with the ordered steps apply runs. createPlan returns exactly this value; text, Markdown and JSON views render it without recomputing. formatVersion: a minor increase only adds members (consumers ignore members they do not know); a major increase breaks, and consumers must refuse it. The `tsType` keyword is for the TypeScript generator; validators should register it as an annotation (Ajv: `keywords: ['tsType']`).
 */
export interface PlanDocument {
  formatVersion: '2.1';
  /**
   * The planner's clock (a parameter), ISO 8601.
   */
  createdAt: string;
  target: PlanTarget;
  mode: SyncMode;
  strategy: ConflictStrategy;
  /**
   * False when any blocker exists; apply refuses the plan.
   */
  applyable: boolean;
  summary: PlanSummary;
  /**
   * Every resource in desired, base or live: property groups first, then content types, then display templates, each sorted by key.
   */
  resources: ResourcePlan[];
  /**
   * Owned resources changed in the CMS since the last sync, whatever the plan does about it.
   */
  drift: DriftEntry[];
  /**
   * What apply runs, in order: lockfile-only steps, creates (referenced first), updates, deletes (referencing first).
   */
  steps: ApplyStep[];
  blockers: PlanNotice[];
  warnings: PlanNotice[];
  requiresApproval: ApprovalItem[];
  /**
   * Changes of `protect: true` between the YAML and the lockfile Apply records them in the lockfile, so they count as changes even when nothing else changes.
   */
  protection?: {
    kind: ResourceKind;
    key: string;
    /**
     * true: the YAML now protects it; false: the YAML no longer does.
     */
    protect: boolean;
  }[];
  integrity?: PlanIntegrity;
}
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "PlanTarget".
 */
export interface PlanTarget {
  name: string;
  platform: string;
  /**
   * Human-readable, without secrets.
   */
  description: string;
}
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "PlanSummary".
 */
export interface PlanSummary {
  statuses: {
    new: number;
    adopt: number;
    modified: number;
    drifted: number;
    conflict: number;
    deleted: number;
    in_sync: number;
    unmanaged: number;
  };
  actions: {
    create: number;
    update: number;
    delete: number;
    adopt: number;
    forget: number;
    none: number;
  };
  /**
   * Steps apply runs (writes and lockfile-only steps). 0 means the plan is empty.
   */
  steps: number;
  /**
   * Steps that write to the CMS.
   */
  writes: number;
  /**
   * Unresolved conflicts.
   */
  conflicts: number;
  /**
   * Resources changed in the CMS outside catalyst.
   */
  drifted: number;
  /**
   * Destructive changes that need approval.
   */
  destructive: number;
  /**
   * How many resources apply writes into the YAML (pull and bidirectional).
   */
  yamlWrites: number;
}
/**
 * Members every resource plan entry has, whatever its action.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ResourcePlanCommon".
 */
export interface ResourcePlanCommon {
  key: string;
  status: ResourceStatus;
  actionReason: ActionReason;
  /**
   * The action's reason in one sentence.
   */
  reason: string;
  risk: Risk;
  /**
   * Sorted, unique risk codes of this resource's changes (including DS101/DS107 for a delete).
   */
  codes: RiskCode[];
  /**
   * before → after, member by member, classified. Only an update has member changes: a create carries the whole definition in `after`, a delete in `before`.
   */
  changes: ClassifiedChange[];
  conflicts: Conflict[];
  digests: Digests;
  /**
   * The live resource belongs to the platform: never written.
   */
  readOnly: boolean;
  /**
   * A blocker names this resource: apply will not run.
   */
  blocked: boolean;
  origin?: Origin;
  /**
   * How many content items of this content type the CMS holds, counted when the plan changes the type destructively (so the reviewer sees what a delete or a removed property would take with it); null when the platform could not tell. Absent when not counted.
   */
  contentItems?: number | null;
  kind: ResourceKind;
  toYaml?: YamlChange;
  /**
   * Members the CMS owns (config `cmsOwns`) where the YAML says otherwise: never sent to the CMS, never drift; pull and bidirectional write the CMS value into YAML.
   */
  ownedByCms?: string[];
}
/**
 * One member that differs between two canonical definitions. `before` is absent for add, `after` for remove.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "DefinitionChange".
 */
export interface DefinitionChange {
  op: ChangeOp;
  /**
   * Dotted path from the resource, e.g. `displayName`, `properties.title`, `properties.tags.items.type`.
   */
  path: string;
  /**
   * The property key, when the change is inside `properties`.
   */
  property?: string;
  /**
   * The member path relative to the property (or to the resource for type-level members); absent when a whole property is added or removed.
   */
  member?: string;
  /**
   * The value before (absent for add).
   */
  before?: unknown;
  /**
   * The value after (absent for remove).
   */
  after?: unknown;
  /**
   * For set-like lists: entries only in `after`.
   */
  added?: string[];
  /**
   * For set-like lists: entries only in `before`.
   */
  removed?: string[];
}
/**
 * A member changed on both sides since the last sync, to different values.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Conflict".
 */
export interface Conflict {
  /**
   * The member edited on both sides; `` (empty) for the whole resource.
   */
  path: string;
  /**
   * The value at the last sync (absent: the member or resource did not exist).
   */
  base?: unknown;
  /**
   * The value in YAML (absent: removed).
   */
  desired?: unknown;
  /**
   * The value in the CMS (absent: removed).
   */
  live?: unknown;
  /**
   * unresolved blocks the plan; desired/live name the side the strategy chose.
   */
  resolution: 'unresolved' | 'desired' | 'live';
  /**
   * Who changed the CMS side and when, as the CMS reports it (its lastModifiedBy and lastModified), for the person who decides.
   */
  cmsChange?: {
    by?: string;
    at?: string;
  };
}
/**
 * Digests of the normalized definitions the plan compared; a side is absent when the resource is absent there.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Digests".
 */
export interface Digests {
  desired?: string;
  base?: string;
  live?: string;
}
/**
 * What apply writes into the YAML for this resource (pull and bidirectional modes): the file takes the CMS side, or the merge. Written before the CMS, so an interrupted apply never loses an edit.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "YamlChange".
 */
export interface YamlChange {
  /**
   * write: an existing YAML definition changes; create: a new one is written; remove: the definition is removed from its file.
   */
  action: 'write' | 'create' | 'remove';
  /**
   * Why, in one sentence.
   */
  reason: string;
  /**
   * The definition the YAML holds afterwards; null for remove.
   */
  after: AnyDefinition | null;
  /**
   * YAML before → after, member by member (empty for create and remove).
   */
  changes: DefinitionChange[];
}
/**
 * Create: the resource must not exist.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "AbsentPrecondition".
 */
export interface AbsentPrecondition {
  kind: 'absent';
}
/**
 * Update or delete: the live resource must still be this version (If-Match / If-Unmodified-Since).
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "VersionPrecondition".
 */
export interface VersionPrecondition {
  kind: 'version';
  version: Version;
  /**
   * Digest of the live definition the plan was made against.
   */
  digest: string;
}
/**
 * A resource catalyst owns that changed in the CMS since the last sync, outside catalyst.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "DriftEntry".
 */
export interface DriftEntry {
  kind: ResourceKind;
  key: string;
  change: 'changed' | 'deleted';
  /**
   * base → live, member by member (empty when deleted).
   */
  changes: DefinitionChange[];
  digests: Digests;
}
/**
 * The version returned by this apply's create step for the same resource.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "CreatedPrecondition".
 */
export interface CreatedPrecondition {
  kind: 'created';
}
/**
 * Delete a resource catalyst owns.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "DeleteStep".
 */
export interface DeleteStep {
  action: 'delete';
  kind: ResourceKind;
  key: string;
  precondition: VersionPrecondition;
  codes: RiskCode[];
}
/**
 * Lockfile only: drop the entry of a resource that is gone from desired and live.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ForgetStep".
 */
export interface ForgetStep {
  action: 'forget';
  kind: ResourceKind;
  key: string;
}
/**
 * Why the plan cannot be applied (blockers) or what deserves attention (warnings).
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "PlanNotice".
 */
export interface PlanNotice {
  code: NoticeCode;
  /**
   * Short, no trailing period.
   */
  summary: string;
  /**
   * Full sentences, ending with what to do.
   */
  detail: string;
  /**
   * The resources concerned (several for a reference cycle).
   */
  resources: ResourceRef[];
  path?: string;
}
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ResourceRef".
 */
export interface ResourceRef {
  kind: ResourceKind;
  key: string;
}
/**
 * A destructive change: apply needs --allow-destructive.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ApprovalItem".
 */
export interface ApprovalItem {
  kind: ResourceKind;
  key: string;
  code: RiskCode;
  path: string;
  reason: string;
}
/**
 * Written by `plan --out` only: binds a saved plan to what was reviewed. `apply FILE` recomputes the digest and refuses a file whose content differs; where a plan key is configured (CATALYST_PLAN_KEY) it also verifies the signature.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "PlanIntegrity".
 */
export interface PlanIntegrity {
  /**
   * sha256 over the canonical JSON of the whole plan without `integrity`.
   */
  digest: string;
  /**
   * HMAC-SHA256 of the digest with the plan key (CATALYST_PLAN_KEY); absent when no key was configured.
   */
  signature?: string;
}
