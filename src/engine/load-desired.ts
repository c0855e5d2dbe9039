import { compareCodeUnits } from '../core/compare-code-units.js';
import { assertNever } from '../core/assert-never.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { ContentTypeDef, ResourceKind, SourceLocation } from '../core/model.js';
import type { PlatformRules, StorableRules } from '../core/platform-profile.js';
import { emptyDesiredState, type DesiredState, type LiveState } from '../core/state.js';
import { validateDesired } from '../core/validate-desired.js';
import type { Config } from '../io/config/config.js';
import type { ParsedDocument } from '../io/yaml/parse-content-type-text.js';
import { parseContentTypeFiles } from '../io/yaml/parse-content-type-files.js';

export interface LoadedDesired {
  desired: DesiredState;
  /** What the files with schema errors hold that the schema accepts: checked with the rest, never planned. */
  partial: DesiredState;
  /** Problems reading the files (syntax, schema, duplicates), each at file:line:column. */
  diagnostics: Diagnostic[];
  /** Where a member of a resource was written. */
  locators: ReadonlyMap<string, (path: string) => SourceLocation>;
  /** The rules of the platform it was loaded for: its defaults were removed, its groups are built in. */
  rules: PlatformRules;
}

/** Names the target may have: without a target they are checked against the YAML and the platform's built-ins only. */
const TARGET_NAMES: ReadonlySet<string> = new Set(['V015', 'V016']);

/** Reads the YAML desired state. Files with errors contribute diagnostics, not definitions. */
export async function loadDesired(config: Config, options: { cwd: string; rules: PlatformRules }): Promise<LoadedDesired> {
  const parsed = await parseContentTypeFiles(config.contentTypesDir, { cwd: options.cwd, defaults: options.rules.defaults });
  const [desired, partial] = [emptyDesiredState(), emptyDesiredState()];
  const locators = new Map<string, (path: string) => SourceLocation>();
  for (const document of parsed.documents) collect(document, desired, locators);
  for (const document of parsed.partial) collect(document, partial, locators);
  return { desired, partial, diagnostics: parsed.diagnostics, locators, rules: options.rules };
}

/** What is known of the target a desired state is checked against. */
export interface TargetFacts {
  /** What the target holds now (`catalyst plan`). */
  live?: LiveState;
  /**
   * What the target's API version can store, and the content types as the target holds them
   * (live, or as last synced when the target is not contacted): only what a write would send is
   * checked.
   */
  storable?: { rules: StorableRules; held: ReadonlyMap<string, ContentTypeDef> };
}

/**
 * Every problem of the loaded desired state: the file problems plus the semantic ones, each
 * placed where it was written. With `storable`, every member is checked against what the
 * target's API version can store. With `live` (what the target holds) references are checked
 * against the target; without it (`catalyst validate`), against the YAML and the platform's
 * built-ins. Either way an unknown group or type is a warning: the platform stores the name.
 */
export function checkDesired(loaded: LoadedDesired, target: TargetFacts = {}): Diagnostic[] {
  const { locators, rules } = loaded;
  const { live, storable } = target;
  const checked: DesiredState = {
    propertyGroups: [...loaded.desired.propertyGroups, ...loaded.partial.propertyGroups],
    contentTypes: [...loaded.desired.contentTypes, ...loaded.partial.contentTypes],
    displayTemplates: [...loaded.desired.displayTemplates, ...loaded.partial.displayTemplates],
  };
  const semantic = validateDesired(checked, {
    rules,
    knownTypes: live ? live.contentTypes.map((type) => type.def.key) : rules.systemTypes,
    readOnlyTypes: live?.contentTypes.filter((type) => type.readOnly).map((type) => type.def.key),
    knownGroups: live?.propertyGroups.map((group) => group.def.key),
    ...(storable ? { storable } : {}),
  });
  const placed = semantic.map((diagnostic) => place(diagnostic, locators)).map((diagnostic) => (live ? diagnostic : offline(diagnostic)));
  // A duplicate key is reported once, by the YAML pass that knows both places; V002 would repeat it.
  const repeated = (diagnostic: Diagnostic) =>
    diagnostic.code === 'V002' && loaded.diagnostics.some((earlier) => earlier.summary === diagnostic.summary);
  return byPlace([...loaded.diagnostics, ...placed.filter((diagnostic) => !repeated(diagnostic))]);
}

/** Diagnostics in reading order: by file, line and column; those without a place last, in the order found. */
function byPlace(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank = (diagnostic: Diagnostic) => diagnostic.location ?? { file: '\uffff', line: 0, column: 0 };
  return [...diagnostics].sort((a, b) => {
    const [left, right] = [rank(a), rank(b)];
    return compareCodeUnits(left.file, right.file) || left.line - right.line || left.column - right.column;
  });
}

function collect(document: ParsedDocument, desired: DesiredState, locators: Map<string, (path: string) => SourceLocation>): void {
  switch (document.kind) {
    case 'contentTypeFile': {
      const def = document.contentType;
      desired.contentTypes.push({
        def,
        origin: document.locate('key'),
        ...(document.protect ? { protect: true } : {}),
        ...(document.renames ? { renames: document.renames } : {}),
        ...(document.renamedFrom ? { renamedFrom: document.renamedFrom } : {}),
      });
      locateOnce(locators, `contentType:${def.key}`, (path) => document.locate(path));
      return;
    }
    case 'propertyGroupsFile':
      listed(document, 'propertyGroup', 'propertyGroups', document.propertyGroups, desired.propertyGroups, locators);
      return;
    case 'displayTemplatesFile':
      listed(document, 'displayTemplate', 'displayTemplates', document.displayTemplates, desired.displayTemplates, locators);
      return;
    default:
      assertNever(document, 'document');
  }
}

/** Resources of a list document (`propertyGroups: […]`), each placed at its index. */
function listed<T extends { key: string }>(
  document: ParsedDocument,
  kind: ResourceKind,
  member: string,
  defs: readonly T[],
  into: Array<{ def: T; origin?: SourceLocation }>,
  locators: Map<string, (path: string) => SourceLocation>,
): void {
  defs.forEach((def, index) => {
    into.push({ def, origin: document.locate(`${member}.${index}.key`) });
    locateOnce(locators, `${kind}:${def.key}`, (path) => document.locate(`${member}.${index}${path ? `.${path}` : ''}`));
  });
}

/**
 * Semantic diagnostics name a resource by kind and key; for a key defined twice they are placed
 * at the first definition, the one the duplicate-key error (at the later one) tells to keep.
 */
function locateOnce(locators: Map<string, (path: string) => SourceLocation>, id: string, locate: (path: string) => SourceLocation): void {
  if (!locators.has(id)) locators.set(id, locate);
}

function place(diagnostic: Diagnostic, locators: ReadonlyMap<string, (path: string) => SourceLocation>): Diagnostic {
  const resource = diagnostic.resource;
  const locate = resource ? locators.get(`${resource.kind}:${resource.key}`) : undefined;
  if (!locate) return diagnostic;
  return { ...diagnostic, location: locate(diagnostic.path ?? '') };
}

function offline(diagnostic: Diagnostic): Diagnostic {
  if (!TARGET_NAMES.has(diagnostic.code)) return diagnostic;
  return {
    ...diagnostic,
    detail: `${diagnostic.detail} (Checked without contacting the CMS: if the target has it, all is well; \`catalyst plan\` checks it against the target.)`,
  };
}
