import { OPTIMIZELY_BUILT_IN_GROUPS } from '../core/built-in-groups.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { SourceLocation } from '../core/model.js';
import type { DesiredState, LiveState } from '../core/state.js';
import { validateDesired } from '../core/validate-desired.js';
import type { Config } from '../io/config/config.js';
import type { ParsedDocument } from '../io/yaml/parse-content-type-text.js';
import { parseContentTypeFiles } from '../io/yaml/parse-content-type-files.js';

/** Content types every Optimizely instance has, for checking references without a target. */
export const OPTIMIZELY_SYSTEM_TYPES: readonly string[] = ['BlankExperience', 'BlankSection', 'GenericMedia', 'ImageMedia', 'SysContentFolder', 'VideoMedia'];

export interface LoadedDesired {
  desired: DesiredState;
  /** Problems reading the files (syntax, schema, duplicates), each at file:line:column. */
  diagnostics: Diagnostic[];
  /** Where a member of a resource was written. */
  locators: ReadonlyMap<string, (path: string) => SourceLocation>;
}

const UNKNOWN_REFERENCE = 'V016';

/** Reads the YAML desired state. Files with errors contribute diagnostics, not definitions. */
export async function loadDesired(config: Config, options: { cwd: string }): Promise<LoadedDesired> {
  const parsed = await parseContentTypeFiles(config.contentTypesDir, { cwd: options.cwd });
  const desired: DesiredState = { contentTypes: [], propertyGroups: [] };
  const locators = new Map<string, (path: string) => SourceLocation>();
  for (const document of parsed.documents) collect(document, desired, locators);
  return { desired, diagnostics: parsed.diagnostics, locators };
}

/**
 * Every problem of the loaded desired state: the file problems plus the semantic ones, each
 * placed where it was written. With `live` (what the target holds) references are checked
 * against the target; without it (`catalyst validate`), a reference to a type that is neither
 * in the YAML nor a well-known system type is only a warning, for the plan to check.
 */
export function checkDesired(loaded: LoadedDesired, live?: LiveState): Diagnostic[] {
  const { desired, locators } = loaded;
  const semantic = validateDesired(desired, {
    builtInGroups: OPTIMIZELY_BUILT_IN_GROUPS,
    knownTypes: live ? live.contentTypes.map((type) => type.def.key) : OPTIMIZELY_SYSTEM_TYPES,
    readOnlyTypes: live?.contentTypes.filter((type) => type.readOnly).map((type) => type.def.key),
    knownGroups: live?.propertyGroups.map((group) => group.def.key),
  });
  const placed = semantic.map((diagnostic) => place(diagnostic, locators)).map((diagnostic) => (live ? diagnostic : offline(diagnostic)));
  return [...loaded.diagnostics, ...placed];
}

function collect(document: ParsedDocument, desired: DesiredState, locators: Map<string, (path: string) => SourceLocation>): void {
  switch (document.kind) {
    case 'contentType': {
      const def = document.contentType;
      desired.contentTypes.push({ def, origin: document.locate('key') });
      locators.set(`contentType:${def.key}`, (path) => document.locate(path));
      return;
    }
    case 'propertyGroups': {
      document.propertyGroups.forEach((def, index) => {
        desired.propertyGroups.push({ def, origin: document.locate(`propertyGroups.${index}.key`) });
        locators.set(`propertyGroup:${def.key}`, (path) => document.locate(`propertyGroups.${index}${path ? `.${path}` : ''}`));
      });
      return;
    }
    default: {
      const unknown: never = document;
      throw new Error(`Internal error: unknown document kind in ${JSON.stringify(unknown)}. This is a bug in catalyst.`);
    }
  }
}

function place(diagnostic: Diagnostic, locators: ReadonlyMap<string, (path: string) => SourceLocation>): Diagnostic {
  const resource = diagnostic.resource;
  const locate = resource ? locators.get(`${resource.kind}:${resource.key}`) : undefined;
  if (!locate) return diagnostic;
  return { ...diagnostic, location: locate(diagnostic.path ?? '') };
}

function offline(diagnostic: Diagnostic): Diagnostic {
  if (diagnostic.code !== UNKNOWN_REFERENCE || diagnostic.severity !== 'error') return diagnostic;
  return {
    ...diagnostic,
    severity: 'warning',
    detail: `${diagnostic.detail} (Checked without a target: if the CMS has this type, all is well; \`catalyst plan\` checks it against the target.)`,
  };
}
