/* Generated from schemas/plan.schema.json by scripts/gen-types.ts. Do not edit: edit the schema and run `npm run gen:types`. */
import type {
  ContentTypeDef,
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
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ResourcePlan".
 */
export type ResourcePlan = ContentTypePlan | PropertyGroupPlan;
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ContentTypePlan".
 */
export type ContentTypePlan = ResourcePlanCommon & {
  kind: 'contentType';
  /**
   * The live definition the action overwrites or deletes; null for create, forget and none.
   */
  before: ContentTypeDefinition | null;
  /**
   * The definition apply writes (create, update) or records in the lockfile (adopt); null for delete, forget and none.
   */
  after: ContentTypeDefinition | null;
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
 * What apply does. adopt and forget only write the lockfile: adopt records the live definition as synced, forget drops the entry.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ResourceAction".
 */
export type ResourceAction = 'create' | 'update' | 'delete' | 'adopt' | 'forget' | 'none';
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
  | 'none_because_unmanaged';
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
  | 'BC101'
  | 'BC102'
  | 'BC103'
  | 'BC104'
  | 'BC105'
  | 'BC106'
  | 'BC107'
  | 'BC108'
  | 'BC109';
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
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Precondition".
 */
export type Precondition =
  | {
      kind: 'absent';
    }
  | {
      kind: 'version';
      version: Version;
      /**
       * Digest of the live definition the plan was made against.
       */
      digest: string;
    }
  | {
      kind: 'created';
    };
/**
 * A platform's version of one live resource (model.ts `VersionToken`).
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Version".
 */
export type Version = VersionToken;
/**
 * Where a desired definition is written (model.ts `SourceLocation`).
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Origin".
 */
export type Origin = SourceLocation;
/**
 * A content type in the canonical model (model.ts `ContentTypeDef`), normalized: defaults, empty values and server-managed members removed, set-like lists sorted.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ContentTypeDefinition".
 */
export type ContentTypeDefinition = ContentTypeDef;
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "PropertyGroupPlan".
 */
export type PropertyGroupPlan = ResourcePlanCommon & {
  kind: 'propertyGroup';
  /**
   * The live definition the action overwrites or deletes; null for create, forget and none.
   */
  before: PropertyGroupDefinition | null;
  /**
   * The definition apply writes (create, update) or records in the lockfile (adopt); null for delete, forget and none.
   */
  after: PropertyGroupDefinition | null;
};
/**
 * A property group in the canonical model (model.ts `PropertyGroupDef`), normalized.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "PropertyGroupDefinition".
 */
export type PropertyGroupDefinition = PropertyGroupDef;
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ResourceKind".
 */
export type ResourceKind = 'contentType' | 'propertyGroup';
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ApplyStep".
 */
export type ApplyStep =
  | CreatePropertyGroupStep
  | CreateContentTypeStep
  | UpdatePropertyGroupStep
  | UpdateContentTypeStep
  | DeleteStep
  | AdoptPropertyGroupStep
  | AdoptContentTypeStep
  | ForgetStep;
/**
 * Stable code of a plan blocker or warning (see src/core/plan-codes.ts).
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "NoticeCode".
 */
export type NoticeCode =
  'PL101' | 'PL102' | 'PL103' | 'PL104' | 'PL105' | 'PL106' | 'PL107' | 'PL108' | 'PL109' | 'PL110' | 'PL111' | 'PL112';
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
 * A catalyst plan: the three-way comparison of desired (YAML), base (lockfile) and live (CMS) state for one target, with the ordered steps apply runs. createPlan returns exactly this value; text, Markdown and JSON views render it without recomputing. formatVersion: a minor increase only adds members (consumers ignore members they do not know); a major increase breaks, and consumers must refuse it. The `tsType` keyword is for the TypeScript generator; validators should register it as an annotation (Ajv: `keywords: ['tsType']`).
 */
export interface PlanDocument {
  formatVersion: '1.0';
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
   * Every resource in desired, base or live: property groups first, then content types, each sorted by key.
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
}
/**
 * Members every resource plan has.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "ResourcePlanCommon".
 */
export interface ResourcePlanCommon {
  key: string;
  status: ResourceStatus;
  action: ResourceAction;
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
  precondition: Precondition | null;
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
 * Create a property group.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "CreatePropertyGroupStep".
 */
export interface CreatePropertyGroupStep {
  action: 'create';
  kind: 'propertyGroup';
  key: string;
  definition: PropertyGroupDefinition;
}
/**
 * Create a content type.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "CreateContentTypeStep".
 */
export interface CreateContentTypeStep {
  action: 'create';
  kind: 'contentType';
  key: string;
  definition: ContentTypeDefinition;
  /**
   * Soft references left out of the create because they form a cycle; a later update step adds them.
   */
  deferred: {
    path: string;
    target: string;
  }[];
}
/**
 * Make a live property group equal to `next`.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "UpdatePropertyGroupStep".
 */
export interface UpdatePropertyGroupStep {
  action: 'update';
  kind: 'propertyGroup';
  key: string;
  previous: PropertyGroupDefinition;
  next: PropertyGroupDefinition;
  precondition: Precondition;
  /**
   * The write includes changes the server refuses without the data-loss override (DS102–DS106); apply sends it only with approval.
   */
  dataLoss: boolean;
  codes: RiskCode[];
  /**
   * deferredReferences: adds the cyclic soft references a create step left out.
   */
  purpose: 'change' | 'deferredReferences';
}
/**
 * Make a live content type equal to `next`.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "UpdateContentTypeStep".
 */
export interface UpdateContentTypeStep {
  action: 'update';
  kind: 'contentType';
  key: string;
  previous: ContentTypeDefinition;
  next: ContentTypeDefinition;
  precondition: Precondition;
  /**
   * The write includes changes the server refuses without the data-loss override (DS102–DS106); apply sends it only with approval.
   */
  dataLoss: boolean;
  codes: RiskCode[];
  /**
   * deferredReferences: adds the cyclic soft references a create step left out.
   */
  purpose: 'change' | 'deferredReferences';
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
  precondition: Precondition;
  codes: RiskCode[];
}
/**
 * Lockfile only: record the live property group as synced.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "AdoptPropertyGroupStep".
 */
export interface AdoptPropertyGroupStep {
  action: 'adopt';
  kind: 'propertyGroup';
  key: string;
  definition: PropertyGroupDefinition;
  version: Version;
}
/**
 * Lockfile only: record the live content type as synced.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "AdoptContentTypeStep".
 */
export interface AdoptContentTypeStep {
  action: 'adopt';
  kind: 'contentType';
  key: string;
  definition: ContentTypeDefinition;
  version: Version;
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
