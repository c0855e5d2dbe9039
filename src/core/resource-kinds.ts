import type { ServerDefaults } from './defaults.js';
import type { DefinitionChange } from './generated/plan.js';
import type { Definition, KindSections, ResourceDefs, ResourceKind } from './model.js';
import { RESOURCE_KINDS } from './model.js';
import { normalizeContentType, normalizeDisplayTemplate, normalizePropertyGroup } from './normalize.js';
import { contentTypeReferences, displayTemplateReferences, type Reference } from './references.js';
import type { PlatformRules } from './platform-profile.js';
import { contentTypeFinding, type Finding } from './content-type-findings.js';
import { displayTemplateFinding, propertyGroupFinding } from './resource-findings.js';

/** The member of desired, base and live state (and of a lockfile section) that holds a kind. */
export type KindSection = KindSections[ResourceKind];

/**
 * Everything the pipeline needs to know about one resource kind. Core and engine look a kind up
 * here instead of branching on it; a new kind is a new row (and its adapter mapping and schemas).
 */
export interface KindDescriptor<K extends ResourceKind> {
  kind: K;
  /** For messages: 'content type'. */
  label: string;
  /** For messages: 'content types'. */
  plural: string;
  /** For messages where the kind is clear from context: 'type'. */
  short: string;
  /** Where desired, base and live state and the lockfile keep this kind. */
  section: KindSections[K];
  /** Creates run in ascending rank, deletes in descending rank. */
  rank: number;
  normalize(def: ResourceDefs[K], defaults: ServerDefaults): ResourceDefs[K];
  /** The finding of deleting a resource of this kind catalyst owns (always destructive). */
  deleteFinding(key: string): Finding;
  /** The risk of one member change of an update; undefined when the change is safe. */
  changeFinding(change: DefinitionChange, before: ResourceDefs[K], after: ResourceDefs[K]): Finding | undefined;
  /** The resources a definition names, which must exist before it (hard) or only for editors (soft). */
  references(def: ResourceDefs[K]): Reference[];
  /** Whether content items are counted for resources of this kind (they hold content). */
  holdsContent: boolean;
  /** Whether applied resources of this kind carry a semantic version (core/semantic-version.ts). */
  versioned: boolean;
  /** Keys of resources of this kind the platform provides: read-only, never reported as unmanaged noise. */
  builtIn(rules: PlatformRules): readonly string[];
}

const noReferences = () => [];
const noBuiltIns = () => [];

export const KINDS = {
  propertyGroup: {
    kind: 'propertyGroup',
    label: 'property group',
    plural: 'property groups',
    short: 'group',
    section: 'propertyGroups',
    rank: 0,
    normalize: normalizePropertyGroup,
    deleteFinding: (key) => ({ code: 'DS107', reason: `deletes property group "${key}"; properties placed in it lose their group` }),
    changeFinding: propertyGroupFinding,
    references: noReferences,
    holdsContent: false,
    versioned: false,
    builtIn: (rules) => rules.builtInGroups,
  },
  contentType: {
    kind: 'contentType',
    label: 'content type',
    plural: 'content types',
    short: 'type',
    section: 'contentTypes',
    rank: 1,
    normalize: normalizeContentType,
    deleteFinding: (key) => ({ code: 'DS101', reason: `deletes content type "${key}" and all content of this type` }),
    changeFinding: contentTypeFinding,
    references: contentTypeReferences,
    holdsContent: true,
    versioned: true,
    builtIn: noBuiltIns,
  },
  displayTemplate: {
    kind: 'displayTemplate',
    label: 'display template',
    plural: 'display templates',
    short: 'template',
    section: 'displayTemplates',
    rank: 2,
    normalize: (def) => normalizeDisplayTemplate(def),
    deleteFinding: (key) => ({
      code: 'DS109',
      reason: `deletes display template "${key}"; content rendered with it loses its display settings`,
    }),
    changeFinding: displayTemplateFinding,
    references: displayTemplateReferences,
    holdsContent: false,
    versioned: false,
    builtIn: noBuiltIns,
  },
} as const satisfies { [K in ResourceKind]: KindDescriptor<K> };

/**
 * The descriptor of a kind, for code that holds a definition of any kind (a plan entry, a step):
 * the schemas tie each definition to its entry's kind, so the descriptor may take it as its own.
 */
export function kindOf(kind: ResourceKind): KindDescriptor<ResourceKind> & ErasedOperations {
  return KINDS[kind] as unknown as KindDescriptor<ResourceKind> & ErasedOperations;
}

interface ErasedOperations {
  normalize(def: Definition, defaults: ServerDefaults): Definition;
  changeFinding(change: DefinitionChange, before: Definition, after: Definition): Finding | undefined;
  references(def: Definition): Reference[];
}

/** Every kind's descriptor, in create order. */
export const KIND_TABLE: ReadonlyArray<KindDescriptor<ResourceKind> & ErasedOperations> = RESOURCE_KINDS.map(kindOf);

export type { Finding };
