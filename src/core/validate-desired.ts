import type { Diagnostic } from './diagnostic.js';
import {
  BASE_TYPES,
  COMPOSITION_BEHAVIORS,
  type ContentTypeDef,
  type DisplayTemplateDef,
  type PropertyGroupDef,
  type ResourceKind,
  type SourceLocation,
} from './model.js';
import type { PlatformRules, StorableRules } from './platform-profile.js';
import type { DesiredState } from './state.js';
import { checkTypeReference, suggestKey, validateProperty, type PropertyScope } from './validate-property.js';
import type { ValidationCode } from './validation-codes.js';
import { checkStorable, checkStorableKind } from './validate-storable.js';

/** What the validator needs to know beyond the desired state itself. All keys are exact (case-sensitive). */
export interface ValidationContext {
  /** The target platform's rules: its built-in and reserved property groups. */
  rules: PlatformRules;
  /** Keys of content types that exist on the target outside the desired state (live and system types). */
  knownTypes?: Iterable<string>;
  /** Keys of live types the platform owns: a desired type must not use one. */
  readOnlyTypes?: Iterable<string>;
  /** Keys of property groups that exist on the target outside the desired state. */
  knownGroups?: Iterable<string>;
  /** What the target's API version can store, and the types as the target holds them; absent when no target is in play. */
  storable?: { rules: StorableRules; held: ReadonlyMap<string, ContentTypeDef> };
}

export const RESOURCE_KEY_PATTERN = /^[A-Za-z][_0-9A-Za-z]+$/;

/**
 * Base types that carry composition behaviors. The v1 reference names only `_component`, but live
 * CMSes return `_section` types with `sectionEnabled` (the built-in BlankSection, and
 * OptiFormsContainerData in the corpus's preview3 pull), so a `_section` may have them too.
 */
const COMPOSABLE_BASE_TYPES: readonly string[] = ['_component', '_section'];

/**
 * Semantic validation of the desired state: everything a JSON Schema cannot see (references
 * between types, per-type attribute rules, bounds, duplicates). Returns every problem found,
 * in a deterministic order; never stops at the first. An empty list or warnings only means the
 * desired state may be planned.
 */
export function validateDesired(desired: DesiredState, context: ValidationContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const typeNames = new Set<string>([...desired.contentTypes.map(({ def }) => def.key), ...(context.knownTypes ?? []), ...BASE_TYPES, '*']);
  const groupNames = new Set<string>([
    ...desired.propertyGroups.map(({ def }) => def.key),
    ...context.rules.builtInGroups,
    ...(context.knownGroups ?? []),
  ]);
  const readOnly = new Set(context.readOnlyTypes ?? []);
  const contracts = new Map(desired.contentTypes.map(({ def }) => [def.key, def.isContract === true]));
  const reserved = [...context.rules.reservedGroupKeys, ...context.rules.builtInGroups].map((key) => key.toLowerCase());

  const firstGroup = new Map<string, SourceLocation | undefined>();
  for (const { def, origin } of desired.propertyGroups) {
    const report = reporter(diagnostics, 'propertyGroup', def.key, origin);
    checkDuplicate(report, firstGroup, def.key, origin, 'property group');
    validateGroup(def, report, reserved);
    if (context.storable) checkStorableKind('propertyGroup', 'property group', context.storable.rules, report);
  }

  const firstType = new Map<string, SourceLocation | undefined>();
  for (const { def, origin } of desired.contentTypes) {
    const report = reporter(diagnostics, 'contentType', def.key, origin);
    checkDuplicate(report, firstType, def.key, origin, 'content type');
    if (readOnly.has(def.key)) {
      report(
        'V017',
        'error',
        'key',
        `"${def.key}" is a read-only platform type`,
        `The target already has a system type "${def.key}", which cannot be changed through the API. Give your type another key.`,
      );
    }
    const scope: PropertyScope = { report, typeNames, groupNames };
    validateContentType(def, scope, contracts);
    if (context.storable) checkStorable(def, context.storable.rules, report, context.storable.held.get(def.key));
  }

  const firstTemplate = new Map<string, SourceLocation | undefined>();
  for (const { def, origin } of desired.displayTemplates) {
    const report = reporter(diagnostics, 'displayTemplate', def.key, origin);
    checkDuplicate(report, firstTemplate, def.key, origin, 'display template');
    validateTemplate(def, { report, typeNames, groupNames });
    if (context.storable) checkStorableKind('displayTemplate', 'display template', context.storable.rules, report);
  }
  return diagnostics;
}

function validateTemplate(def: DisplayTemplateDef, scope: PropertyScope): void {
  const { report } = scope;
  checkKey(report, 'V028', 'display template', def.key);
  if (!def.displayName) {
    report(
      'V029',
      'error',
      'displayName',
      'Missing displayName',
      `Display template "${def.key}" needs a displayName, the name editors pick it by. Add one.`,
    );
  } else if (def.displayName.length > 255) {
    report(
      'V029',
      'error',
      'displayName',
      'displayName too long',
      `displayName has ${def.displayName.length} characters; the platform accepts at most 255. Shorten it.`,
    );
  }
  const targets = (['nodeType', 'baseType', 'contentType'] as const).filter((member) => def[member] !== undefined);
  if (targets.length > 1) {
    report(
      'V030',
      'error',
      targets[1]!,
      `Display template "${def.key}" targets ${targets.join(' and ')}`,
      `A display template applies to one node type, one base type or one content type (or to all content, naming none). Keep one of ${targets.join(', ')}.`,
    );
  }
  if (def.contentType !== undefined) checkTypeReference(scope, 'contentType', def.contentType);
}

function validateContentType(def: ContentTypeDef, scope: PropertyScope, contracts: ReadonlyMap<string, boolean>): void {
  const { report } = scope;
  checkKey(report, 'V001', 'content type', def.key);
  checkDisplayName(report, def.displayName);
  if (def.description !== undefined && def.description.length > 255) {
    report(
      'V005',
      'error',
      'description',
      'description too long',
      `description has ${def.description.length} characters; the platform accepts at most 255. Shorten it.`,
    );
  }
  const baseType = def.baseType as string | null | undefined;
  if (def.isContract === true && baseType !== null && baseType !== undefined) {
    report(
      'V013',
      'error',
      'baseType',
      'A contract has no baseType',
      `"${def.key}" is a contract (isContract: true), and contracts have no base type. Remove baseType, or remove isContract.`,
    );
  } else if (def.isContract !== true && (baseType === null || baseType === undefined)) {
    report(
      'V013',
      'error',
      'baseType',
      'baseType missing',
      `Every content type that is not a contract needs a base type, such as "_page" or "_component". Add baseType, or mark the type as a contract with isContract: true.`,
    );
  } else if (typeof baseType === 'string' && !(BASE_TYPES as readonly string[]).includes(baseType)) {
    report('V025', 'error', 'baseType', `Unknown baseType "${baseType}"`, `Base types are ${BASE_TYPES.join(', ')}. Fix baseType.`);
  }
  const behaviors = def.compositionBehaviors ?? [];
  const baseTypeMissing = def.isContract !== true && (baseType === null || baseType === undefined);
  if (behaviors.length > 0 && !COMPOSABLE_BASE_TYPES.includes(baseType as string) && !baseTypeMissing) {
    report(
      'V012',
      'error',
      'compositionBehaviors',
      'compositionBehaviors on a type that is not a component',
      `Only _component and _section types have composition behaviors; "${def.key}" ${def.isContract === true ? 'is a contract' : `has base type ${baseType}`}. Remove compositionBehaviors, or change the base type.`,
    );
  }
  for (const behavior of behaviors) {
    if (!(COMPOSITION_BEHAVIORS as readonly string[]).includes(behavior)) {
      report(
        'V025',
        'error',
        'compositionBehaviors',
        `Unknown composition behavior "${behavior}"`,
        `Composition behaviors are ${COMPOSITION_BEHAVIORS.join(', ')}. Fix the entry.`,
      );
    }
  }
  for (const contract of def.contracts ?? []) {
    if (contracts.get(contract) === false) {
      report(
        'V014',
        'error',
        'contracts',
        `"${contract}" is not a contract`,
        `"${def.key}" lists "${contract}" under contracts, but "${contract}" is a content type, not a contract. Mark "${contract}" with isContract: true, or remove it from contracts.`,
      );
    } else if (!contracts.has(contract)) {
      checkTypeReference(scope, 'contracts', contract);
    }
  }
  for (const target of def.mayContainTypes ?? []) checkTypeReference(scope, 'mayContainTypes', target);
  for (const key of Object.keys(def.properties ?? {}).sort()) {
    const property = def.properties[key];
    if (property) validateProperty(key, property, scope);
  }
}

function validateGroup(def: PropertyGroupDef, report: Report, reserved: readonly string[]): void {
  checkKey(report, 'V021', 'property group', def.key);
  if (reserved.includes(def.key.toLowerCase())) {
    report(
      'V026',
      'error',
      'key',
      `Property group "${def.key}" is reserved`,
      `The platform provides or reserves the group "${def.key}", so it cannot be declared. Remove the declaration: properties may use a built-in group without declaring it. For a group of your own, choose another key.`,
    );
  }
  if (!def.displayName) {
    report(
      'V022',
      'error',
      'displayName',
      'Missing displayName',
      `Property group "${def.key}" needs a displayName, the tab name editors see. Add one.`,
    );
  } else if (def.displayName.length > 255) {
    report(
      'V022',
      'error',
      'displayName',
      'displayName too long',
      `displayName has ${def.displayName.length} characters; the platform accepts at most 255. Shorten it.`,
    );
  }
}

type Report = PropertyScope['report'];

function reporter(diagnostics: Diagnostic[], kind: ResourceKind, key: string, origin: SourceLocation | undefined): Report {
  return (code: ValidationCode, severity, path, summary, detail) => {
    const diagnostic: Diagnostic = { code, severity, summary, detail, path, resource: { kind, key } };
    if (origin) diagnostic.location = origin;
    diagnostics.push(diagnostic);
  };
}

function checkKey(report: Report, code: ValidationCode, noun: string, key: string): void {
  if (typeof key === 'string' && RESOURCE_KEY_PATTERN.test(key) && key.length <= 255) return;
  const why =
    typeof key !== 'string' || key.length === 0
      ? 'The key is missing.'
      : key.startsWith('_')
        ? 'Keys starting with "_" are reserved for the platform\'s base types.'
        : `"${key}" does not fit the rules.`;
  report(
    code,
    'error',
    'key',
    `Invalid ${noun} key "${key}"`,
    `${why} A ${noun} key starts with a letter, contains only letters, digits and underscores, and is 2 to 255 characters long. Rename it, for example to "${suggestKey(String(key ?? ''))}".`,
  );
}

function checkDisplayName(report: Report, displayName: string | undefined): void {
  if (!displayName) {
    report('V003', 'error', 'displayName', 'Missing displayName', 'Every content type needs a displayName, the name editors see. Add one.');
  } else if (displayName.length > 255) {
    report(
      'V004',
      'error',
      'displayName',
      'displayName too long',
      `displayName has ${displayName.length} characters; the platform accepts at most 255. Shorten it.`,
    );
  }
}

function checkDuplicate(
  report: Report,
  first: Map<string, SourceLocation | undefined>,
  key: string,
  origin: SourceLocation | undefined,
  noun: string,
): void {
  if (!first.has(key)) {
    first.set(key, origin);
    return;
  }
  const previous = first.get(key);
  const where = previous ? ` at ${previous.file}:${previous.line}:${previous.column}` : '';
  report(
    'V002',
    'error',
    'key',
    `Duplicate ${noun} key "${key}"`,
    `The ${noun} "${key}" is already declared${where}. Keys are unique: remove one declaration or rename it.`,
  );
}
