import { LineCounter, isAlias, isMap, isScalar, type Document } from 'yaml';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { ServerDefaults } from '../../core/defaults.js';
import type { ContentTypeDef, DisplayTemplateDef, PropertyGroupDef, SourceLocation } from '../../core/model.js';
import { YAML_CODES } from '../diagnostic-codes.js';
import type { WrittenContentType, WrittenDisplayTemplates, WrittenPropertyGroups } from '../generated/content-type-file.js';
import { expandDisplayTemplates } from './display-templates-yaml.js';
import { schemaDiagnostics } from '../schema/schema-diagnostics.js';
import { schemaValidator } from '../schema/schema-validator.js';
import { declaredRenames, enumFromMap, expandContentType, expandPropertyGroups } from './expand-content-type.js';
import { schemaValidPart } from './schema-valid-part.js';
import { createYamlLocator, toSegments, type PathSegments, type YamlLocator } from './yaml-locator.js';
import { locateTopLevelKey } from './locate-top-level-key.js';
import { readPlainYaml } from './read-plain-yaml.js';
import { parseYamlDocument } from './parse-yaml-document.js';
import { contentTypeSpecialCases } from './content-type-schema-cases.js';
import { LIST_DOCUMENTS } from './list-documents.js';
import { MAX_YAML_FILE_BYTES, tooLarge, tooManyMembers } from './yaml-limits.js';
import { isStackOverflow, nestedTooDeeply, yamlError, yamlWarning } from './yaml-syntax-diagnostics.js';

interface ParsedDocumentBase {
  /** The file as diagnostics name it (relative to the working directory, `/`-separated). */
  file: string;
  /**
   * Where a dotted path (`properties.title.type`) was written in this file; for a path the
   * file does not spell out (a default, a shorthand), the nearest part that it does.
   */
  locate(path: string | PathSegments): SourceLocation;
}

export interface ParsedContentTypeDocument extends ParsedDocumentBase {
  kind: 'contentTypeFile';
  /** Canonical (normalized). */
  contentType: ContentTypeDef;
  /** `protect: true`: catalyst metadata, not part of the definition. */
  protect?: true;
  /** Declared renames (`renamedFrom`), new key → old key: catalyst metadata too. */
  renames?: Record<string, string>;
  /** The type's own declared rename (`renamedFrom` at the top): its old key. */
  renamedFrom?: string;
}

export interface ParsedPropertyGroupsDocument extends ParsedDocumentBase {
  kind: 'propertyGroupsFile';
  /** Canonical (normalized), in the order written. Paths are `propertyGroups.<index>.<member>`. */
  propertyGroups: PropertyGroupDef[];
}

export interface ParsedDisplayTemplatesDocument extends ParsedDocumentBase {
  kind: 'displayTemplatesFile';
  /** Canonical (normalized), in the order written. Paths are `displayTemplates.<index>.<member>`. */
  displayTemplates: DisplayTemplateDef[];
}

export type ParsedDocument = ParsedContentTypeDocument | ParsedPropertyGroupsDocument | ParsedDisplayTemplatesDocument;

export interface ParseTextResult {
  /** Absent exactly when the text has errors. */
  document?: ParsedDocument;
  /**
   * For a content type with schema errors: the parts the schema accepts, for the semantic checks
   * to report the file's other problems in the same pass. Never planned.
   */
  partial?: ParsedContentTypeDocument;
  diagnostics: Diagnostic[];
}

/** Parses one content type file's text: syntax, structure, schema, then the canonical form. */
export function parseContentTypeText(text: string, file: string, defaults: ServerDefaults): ParseTextResult {
  if (text.length > MAX_YAML_FILE_BYTES || Buffer.byteLength(text) > MAX_YAML_FILE_BYTES) return { diagnostics: [tooLarge(file)] };
  return plainContentType(text, file, defaults) ?? parseWithPositions(text, file, defaults);
}

/**
 * The fast path: a valid content type in plain YAML, read without a syntax tree (see
 * `readPlainYaml`); positions are found only when something asks for one. `undefined` for
 * anything else, which the full path reads.
 */
function plainContentType(text: string, file: string, defaults: ServerDefaults): ParseTextResult | undefined {
  const value = readPlainYaml(text);
  if (!value || typeof value.key !== 'string' || LIST_DOCUMENTS.some((list) => list.member in value) || tooManyMembers(value, file))
    return undefined;
  const written = value as unknown as WrittenContentType;
  const hasEnumMap = Object.values(written.properties ?? {}).some(
    (property) =>
      typeof property === 'object' &&
      ((property.enum && !Array.isArray(property.enum)) ||
        (typeof property.items === 'object' && property.items.enum && !Array.isArray(property.items.enum))),
  );
  if (hasEnumMap || schemaValidator('content-type.schema.json').validate(value, 'contentType').length > 0) return undefined;
  let locator: YamlLocator | undefined;
  const full = () => {
    const lineCounter = new LineCounter();
    locator ??= createYamlLocator(parseYamlDocument(text, lineCounter, { merge: true }), lineCounter, file);
    return locator;
  };
  const keyLocation = locateTopLevelKey(text, file, 'key', written.key);
  const locate = (path: string | PathSegments) => (keyLocation && toSegments(path).join('.') === 'key' ? keyLocation : full().locate(path));
  return { document: contentTypeDocument(written, file, defaults, locate), diagnostics: [] };
}

/** The full path: a syntax tree with positions, for every diagnostic and every YAML feature. */
function parseWithPositions(text: string, file: string, defaults: ServerDefaults): ParseTextResult {
  const lineCounter = new LineCounter();
  const document = parseYamlDocument(text, lineCounter, { merge: true });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: Math.max(1, line), column: Math.max(1, col) };
  };
  const diagnostics = [
    ...document.errors.map((error) => yamlError(error, text, at)),
    ...document.warnings.map((warning) => yamlWarning(warning, at)),
  ];
  if (document.errors.length > 0) return { diagnostics };

  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    diagnostics.push({
      code: YAML_CODES.emptyFile,
      severity: 'error',
      summary: 'Empty file',
      detail:
        'The file holds no content type, property groups or display templates. Write one (a content type starts with `key:`), or delete the file.',
      location: { file, line: 1, column: 1 },
    });
    return { diagnostics };
  }
  if (!isMap(contents)) {
    diagnostics.push({
      code: YAML_CODES.notAMapping,
      severity: 'error',
      summary: 'The document is not a mapping',
      detail:
        `The file holds ${isScalar(contents) ? 'a single value' : 'a list'}, but a content type file holds one mapping: ` +
        'a content type (`key: ArticlePage`, `baseType: _page`, `properties: …`), `propertyGroups: […]` or `displayTemplates: […]`. Rewrite it as a mapping.',
      location: at(contents.range?.[0] ?? 0),
    });
    return { diagnostics };
  }

  const locator = createYamlLocator(document, lineCounter, file);
  const locate = (path: string | PathSegments) => locator.locate(path);
  let value: Record<string, unknown>;
  try {
    value = document.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (error) {
    if (isStackOverflow(error)) return { diagnostics: [...diagnostics, nestedTooDeeply({ file, line: 1, column: 1 })] };
    diagnostics.push({
      code: YAML_CODES.aliasExpansion,
      severity: 'error',
      summary: 'YAML aliases expand too far',
      detail: `The file's aliases (\`*name\`) expand to more than catalyst reads (${(error as Error).message}), as in a "billion laughs" file. Write the values out, or use fewer aliases.`,
      location: { file, line: 1, column: 1 },
    });
    return { diagnostics };
  }
  const crowded = tooManyMembers(value, file, (member) => locator.locateKey(member));
  if (crowded) return { diagnostics: [...diagnostics, crowded] };
  const listed = LIST_DOCUMENTS.find((list) => list.member in value && !('key' in value));
  const validate = (candidate: Record<string, unknown>) =>
    schemaValidator('content-type.schema.json').validate(candidate, listed?.schema ?? 'contentType');
  const errors = validate(value);
  if (errors.length > 0) {
    diagnostics.push(
      ...schemaDiagnostics(errors, {
        locator,
        codes: { schemaViolation: YAML_CODES.schemaViolation, unknownMember: YAML_CODES.unknownMember, invalidKey: YAML_CODES.invalidKey },
        rootName: listed?.rootName ?? 'The content type',
        special: contentTypeSpecialCases,
      }),
    );
    const part = listed ? undefined : schemaValidPart(value, errors, validate);
    if (!part) return { diagnostics };
    const written = part as unknown as WrittenContentType;
    orderEnumMaps(written, document);
    return { partial: { kind: 'contentTypeFile', file, contentType: expandContentType(written, defaults), locate }, diagnostics };
  }
  if (listed?.member === 'propertyGroups') {
    const propertyGroups = expandPropertyGroups(value as unknown as WrittenPropertyGroups, defaults);
    return { document: { kind: 'propertyGroupsFile', file, propertyGroups, locate }, diagnostics };
  }
  if (listed?.member === 'displayTemplates') {
    const displayTemplates = expandDisplayTemplates(value as unknown as WrittenDisplayTemplates);
    return { document: { kind: 'displayTemplatesFile', file, displayTemplates, locate }, diagnostics };
  }
  const written = value as unknown as WrittenContentType;
  orderEnumMaps(written, document);
  return { document: contentTypeDocument(written, file, defaults, locate), diagnostics };
}

/** A valid content type file's document: the canonical definition and catalyst's metadata (`protect`, the `renamedFrom`s). */
function contentTypeDocument(
  written: WrittenContentType,
  file: string,
  defaults: ServerDefaults,
  locate: ParsedDocumentBase['locate'],
): ParsedContentTypeDocument {
  const renames = declaredRenames(written);
  return {
    kind: 'contentTypeFile',
    file,
    contentType: expandContentType(written, defaults),
    locate,
    ...(written.protect === true ? { protect: true as const } : {}),
    ...(Object.keys(renames).length > 0 ? { renames } : {}),
    ...(written.renamedFrom !== undefined ? { renamedFrom: written.renamedFrom } : {}),
  };
}

/**
 * A JavaScript object does not keep the order of integer-like keys, but an enum map's order is
 * its display order: rewrite every enum map as the full list, in the order the YAML has it.
 */
function orderEnumMaps(written: WrittenContentType, document: Document): void {
  for (const [key, property] of Object.entries(written.properties ?? {})) {
    if (typeof property !== 'object') continue;
    const path = ['properties', key];
    if (property.enum && !Array.isArray(property.enum))
      property.enum = enumFromMap(mapEntries(document, [...path, 'enum'], property.enum), property.type);
    const items = property.items;
    if (typeof items === 'object' && items.enum && !Array.isArray(items.enum)) {
      items.enum = enumFromMap(mapEntries(document, [...path, 'items', 'enum'], items.enum), items.type);
    }
  }
}

/** The map's entries in source order; JavaScript order when the map comes from a merge key (`<<`). */
function mapEntries(document: Document, path: string[], value: Record<string, string | undefined>): Array<[string, string]> {
  const found = document.getIn(path, true);
  const node = isAlias(found) ? found.resolve(document) : found;
  if (isMap(node)) return node.items.map((pair) => [scalarText(pair.key), scalarText(pair.value)]);
  return Object.entries(value).flatMap(([entry, displayName]) =>
    displayName === undefined ? [] : [[entry, displayName] as [string, string]],
  );
}

function scalarText(node: unknown): string {
  return isScalar(node) ? String(node.value) : String(node);
}
