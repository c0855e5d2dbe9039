import type { ServerDefaults } from '../../../core/defaults.js';
import type { Diagnostic } from '../../../core/diagnostic.js';
import { assignTypeKeys, createKeyReserver } from './assign-type-keys.js';
import { CATALYST_CODES, type RowContext } from '../catalyst-diagnostics.js';
import type { CatalystSnapshot, CatalystWebsiteRow } from '../read/catalyst-rows.js';
import type { CatalystOrigin, CatalystOverrides, ImportedType } from './imported-type.js';
import { mapContentType } from './map-content-type.js';
import { parseContentTypeRow } from '../read/parse-content-type-row.js';

export interface CatalystImportRequest {
  snapshot: CatalystSnapshot;
  /** Website ids or names; empty means every website. */
  websites: readonly string[];
  overrides: CatalystOverrides;
  /** Keys recorded by earlier imports, by origin identity (see `originIdentity`). */
  knownKeys: ReadonlyMap<string, string>;
  /** The target platform's defaults, which normalization removes. */
  defaults: ServerDefaults;
}

export interface CatalystImportResult {
  /** Undefined when the request itself is unusable (an unknown website): nothing was mapped. */
  websites?: CatalystWebsiteRow[];
  types: ImportedType[];
  /** Rows that could not be read at all. Their earlier imports must not be taken as removed. */
  failedRowIds: string[];
  diagnostics: Diagnostic[];
}

/** What identifies an imported type across imports: the row id, or `<ParentKey>.<field>` for generated types. */
export function originIdentity(origin: CatalystOrigin): string {
  return origin.nestedIn ? `${origin.nestedIn.key}.${origin.nestedIn.field}` : origin.contentTypeId;
}

/**
 * The whole Catalyst → canonical mapping, pure: selects the websites, assigns keys, parses and
 * maps every row. A bad row is reported and the others are still imported.
 */
export function importCatalystTypes(request: CatalystImportRequest): CatalystImportResult {
  const { snapshot } = request;
  const diagnostics: Diagnostic[] = [];
  const websites = selectWebsites(snapshot, request.websites, diagnostics);
  if (!websites) return { types: [], failedRowIds: [], diagnostics };

  const websiteById = new Map(snapshot.websites.map((website) => [website.id, website]));
  const selected = new Set(websites.map((website) => website.id));
  const allContexts: RowContext[] = snapshot.contentTypes.map((row) => ({ row, website: websiteById.get(row.websiteId) }));
  const contexts = allContexts.filter((context) => request.websites.length === 0 || selected.has(context.row.websiteId));
  const keys = assignTypeKeys(contexts, request.knownKeys, diagnostics);
  // Rows outside the selected websites get keys too, only so that relationships can name them.
  const outsideKeys = assignTypeKeys(
    allContexts.filter((context) => !keys.has(context.row.id)),
    request.knownKeys,
    [],
    keys.values(),
  );
  const reserve = createKeyReserver(new Map([...keys, ...outsideKeys]), diagnostics);

  const types: ImportedType[] = [];
  const failedRowIds: string[] = [];
  for (const context of contexts) {
    const parsed = parseContentTypeRow(context);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.parsed) {
      failedRowIds.push(context.row.id);
      continue;
    }
    const key = keys.get(context.row.id) as string;
    const mapped = mapContentType(parsed.parsed, key, {
      context,
      diagnostics,
      overrides: request.overrides,
      evidence: snapshot.evidence[context.row.id],
      defaults: request.defaults,
      resolveTarget: (id) => {
        const target = keys.get(id) ?? outsideKeys.get(id);
        return target === undefined ? undefined : { key: target, imported: keys.has(id) };
      },
      nestedKey: (identity, candidate) => reserve(candidate, context, request.knownKeys.get(identity)),
    });
    types.push(...mapped);
  }
  diagnostics.push(...unusedOverrides(request.overrides, types));
  return { websites, types, failedRowIds, diagnostics };
}

function selectWebsites(
  snapshot: CatalystSnapshot,
  wanted: readonly string[],
  diagnostics: Diagnostic[],
): CatalystWebsiteRow[] | undefined {
  if (wanted.length === 0) return snapshot.websites;
  const known = snapshot.websites.map((website) => `${website.id} ("${website.name}")`).join(', ') || 'none';
  const chosen: CatalystWebsiteRow[] = [];
  for (const selector of wanted) {
    const byId = snapshot.websites.filter((website) => website.id === selector);
    const matches = byId.length > 0 ? byId : snapshot.websites.filter((website) => website.name.toLowerCase() === selector.toLowerCase());
    if (matches.length === 1) {
      if (!chosen.includes(matches[0] as CatalystWebsiteRow)) chosen.push(matches[0] as CatalystWebsiteRow);
    } else if (matches.length === 0) {
      diagnostics.push({
        code: CATALYST_CODES.unknownWebsite,
        severity: 'error',
        summary: `Unknown website "${selector}"`,
        detail: `No website in ${snapshot.file} has the id or name "${selector}". Websites: ${known}. Pass one of these ids or names with --website.`,
      });
    } else {
      diagnostics.push({
        code: CATALYST_CODES.ambiguousWebsite,
        severity: 'error',
        summary: `Website name "${selector}" is ambiguous`,
        detail: `${matches.length} websites in ${snapshot.file} are named "${selector}": ${matches.map((website) => website.id).join(', ')}. Pass the id with --website instead.`,
      });
    }
  }
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? undefined : chosen;
}

function unusedOverrides(overrides: CatalystOverrides, types: readonly ImportedType[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map(types.map((type) => [type.def.key, type]));
  for (const key of Object.keys(overrides.baseTypes)) {
    const type = byKey.get(key);
    if (!type || type.origin.nestedIn) {
      diagnostics.push(
        overrideDiagnostic(
          `--base-type ${key}`,
          type ? `${key} is generated for an object field and must stay a component` : `no imported content type has the key ${key}`,
        ),
      );
    }
  }
  for (const path of Object.keys(overrides.numbers)) {
    const [key = '', property = ''] = path.split('.');
    const found = byKey.get(key)?.def.properties[property];
    if (!found || !['integer', 'float'].includes(found.type === 'array' ? (found.items?.type ?? '') : found.type)) {
      diagnostics.push(overrideDiagnostic(`--number ${path}`, `no imported number property has the path ${path}`));
    }
  }
  return diagnostics;
}

function overrideDiagnostic(option: string, why: string): Diagnostic {
  return {
    code: CATALYST_CODES.badOverride,
    severity: 'error',
    summary: `${option} matches nothing`,
    detail: `${option} was not applied: ${why}. Use the keys printed by the import (or in the YAML files).`,
  };
}
