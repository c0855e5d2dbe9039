import { isJsonObject, type Json, type JsonObject } from '../json.js';
import { HttpProblem, validationProblem, type FieldError } from '../http/problem.js';
import type { Handler } from '../http/router.js';
import { CONTENT_TYPES, DISPLAY_TEMPLATES, PROPERTY_GROUPS } from './kinds.js';
import { writeResource, type ResourceKind, type WriteEnv } from './resource-kind.js';
import { JSON_MEDIA_TYPE, listParameter, MANIFEST_MEDIA_TYPE, readJsonObject, writeEnv } from './support.js';

const SECTIONS = ['locales', 'contentTypes', 'propertyGroups', 'displayTemplates'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * `GET /manifest?sections=…&includeReadOnly=…` [V1]: the requested sections (all when none are
 * named), without read-only (system) resources unless asked. Locales are not modeled: `[]`.
 */
export const exportManifest: Handler = (context) => {
  const requested = listParameter(context.url, 'sections');
  const unknown = requested.filter((section) => !(SECTIONS as readonly string[]).includes(section));
  const includeReadOnlyText = context.url.searchParams.get('includeReadOnly');
  const errors: FieldError[] = unknown.map((section) => ({
    field: 'sections',
    detail: `'${section}' is not a manifest section; use ${SECTIONS.join(', ')}.`,
  }));
  if (includeReadOnlyText !== null && !['true', 'false'].includes(includeReadOnlyText.toLowerCase())) {
    errors.push({
      field: 'includeReadOnly',
      detail: `The value '${includeReadOnlyText}' is not valid for includeReadOnly; use true or false.`,
    });
  }
  if (errors.length > 0) throw validationProblem(errors);
  const includeReadOnly = includeReadOnlyText?.toLowerCase() === 'true';
  const sections = new Set<Section>(requested.length === 0 ? SECTIONS : (requested as Section[]));
  const { store, dialect } = context;
  const manifest: JsonObject = {};
  const times: string[] = [];
  const visible = <T extends { source: string; audit: { lastModified: string } }>(list: T[]) =>
    list.filter((stored) => includeReadOnly || stored.source === '').map((stored) => (times.push(stored.audit.lastModified), stored));
  if (sections.has('locales')) manifest.locales = [];
  if (sections.has('propertyGroups'))
    manifest.propertyGroups = visible(store.propertyGroups.list()).map((stored) => PROPERTY_GROUPS.encode(dialect, stored));
  if (sections.has('contentTypes'))
    manifest.contentTypes = visible(store.contentTypes.list()).map((stored) => CONTENT_TYPES.encode(dialect, stored));
  if (sections.has('displayTemplates'))
    manifest.displayTemplates = visible(store.displayTemplates.list()).map((stored) => DISPLAY_TEMPLATES.encode(dialect, stored));
  if (times.length > 0) manifest.lastModified = times.sort().at(-1)!;
  return { status: 200, body: manifest };
};

interface ImportMessage {
  section: string;
  message: string;
  resource: string | null;
}

/**
 * `POST /manifest` [V1][CLI]: property groups, then content types, then display templates, each
 * created or replaced on its own. Always 200: what failed is in `errors[]`, what happened in
 * `outcomes[]` [3P]. The data-loss override is the `cms-ignore-data-loss-warnings` header.
 */
export const importManifest: Handler = async (context) => {
  const manifest = await readJsonObject(context, [JSON_MEDIA_TYPE, MANIFEST_MEDIA_TYPE]);
  const sections = {
    propertyGroups: sectionEntries(manifest, 'propertyGroups'),
    contentTypes: sectionEntries(manifest, 'contentTypes'),
    displayTemplates: sectionEntries(manifest, 'displayTemplates'),
    locales: sectionEntries(manifest, 'locales'),
  };
  const pending = new Set(
    sections.contentTypes.flatMap((entry) => (isJsonObject(entry) && typeof entry.key === 'string' ? [entry.key] : [])),
  );
  const env = writeEnv(context, pending);
  const outcomes: ImportMessage[] = [];
  const errors: ImportMessage[] = [];
  importSection(PROPERTY_GROUPS, 'propertyGroups', sections.propertyGroups, env, outcomes, errors);
  importSection(CONTENT_TYPES, 'contentTypes', sections.contentTypes, env, outcomes, errors);
  importSection(DISPLAY_TEMPLATES, 'displayTemplates', sections.displayTemplates, env, outcomes, errors);
  if (sections.locales.length > 0) {
    outcomes.push({
      section: 'locales',
      message: `${sections.locales.length} locale(s) ignored: the emulator does not model locales.`,
      resource: null,
    });
  }
  return { status: 200, body: { outcomes, errors } as unknown as JsonObject };
};

function sectionEntries(manifest: JsonObject, section: Section): Json[] {
  const value = manifest[section];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw validationProblem([{ field: section, detail: 'The value did not match the expected type.' }]);
  return value;
}

function importSection<D extends { key: string }>(
  kind: ResourceKind<D>,
  section: Section,
  entries: Json[],
  env: WriteEnv,
  outcomes: ImportMessage[],
  errors: ImportMessage[],
): void {
  entries.forEach((entry, index) => {
    const resource = isJsonObject(entry) && typeof entry.key === 'string' ? entry.key : null;
    if (!isJsonObject(entry)) {
      errors.push({ section, message: `Entry ${index} is not an object.`, resource });
      return;
    }
    try {
      const { outcome, stored } = writeResource(kind, env, kind.decode(env.dialect, entry), { kind: 'upsert' });
      outcomes.push({
        section,
        message: `${capitalize(kind.noun)} '${stored.doc.key}' ${OUTCOME_TEXT[outcome]}.`,
        resource: stored.doc.key,
      });
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      errors.push({ section, message: describe(error), resource });
    }
  });
}

const OUTCOME_TEXT = { created: 'was created', updated: 'was updated', unchanged: 'is unchanged' } as const;

/** The problem's detail, then each field problem; the data-loss sentence stays intact for clients that look for it. */
function describe(problem: HttpProblem): string {
  const details = problem.errors.map((error) => (error.field === null ? error.detail : `${error.field}: ${error.detail}`));
  return [problem.detail ?? problem.title, ...details].join(' ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
