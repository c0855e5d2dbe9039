import type { ErrorObject } from 'ajv';
import { LineCounter, isAlias, isMap, isScalar, type Document, type YAMLError } from 'yaml';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { ServerDefaults } from '../../core/defaults.js';
import { BASE_TYPES, type ContentTypeDef, type DisplayTemplateDef, type PropertyGroupDef, type SourceLocation } from '../../core/model.js';
import { YAML_CODES } from '../diagnostic-codes.js';
import type { WrittenContentType, WrittenDisplayTemplates, WrittenPropertyGroups } from '../generated/content-type-file.js';
import { expandDisplayTemplates } from './display-templates-yaml.js';
import { schemaDiagnostics, type SpecialCase } from '../schema/schema-diagnostics.js';
import { schemaValidator } from '../schema/schema-validator.js';
import { declaredRenames, enumFromMap, expandContentType, expandPropertyGroups } from './expand-content-type.js';
import { schemaValidPart } from './schema-valid-part.js';
import { createYamlLocator, toSegments, type PathSegments, type YamlLocator } from './yaml-locator.js';
import { locateTopLevelKey } from './locate-top-level-key.js';
import { readPlainYaml } from './read-plain-yaml.js';
import { parseYamlDocument } from './parse-yaml-document.js';

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

/** The documents that hold a list of resources rather than one content type. */
const LISTS = [
  {
    member: 'propertyGroups',
    schema: 'propertyGroupsDocument',
    rootName: 'The property groups document',
    title: 'Property groups',
    fileName: 'property-groups.yaml',
  },
  {
    member: 'displayTemplates',
    schema: 'displayTemplatesDocument',
    rootName: 'The display templates document',
    title: 'Display templates',
    fileName: 'display-templates.yaml',
  },
] as const;

/** The largest YAML file catalyst reads (5 MiB): bigger ones are refused before parsing. */
export const MAX_YAML_FILE_BYTES = 5 * 1024 * 1024;

/** The diagnostic of a file over MAX_YAML_FILE_BYTES. */
export function tooLarge(file: string): Diagnostic {
  return {
    code: YAML_CODES.fileTooLarge,
    severity: 'error',
    summary: 'File too large',
    detail: `${file} is larger than ${MAX_YAML_FILE_BYTES / 1024 / 1024} MB, the most catalyst reads per YAML file. Split it into one file per content type.`,
    location: { file, line: 1, column: 1 },
  };
}

/** The most properties one content type, or entries one list file, may hold (10,000): more are refused before validation. */
export const MAX_YAML_MEMBERS = 10_000;

/** The diagnostic of a file whose `properties` (or list) holds more than MAX_YAML_MEMBERS entries; undefined when within. */
function tooManyMembers(value: Record<string, unknown>, file: string, locate?: (path: string) => SourceLocation): Diagnostic | undefined {
  for (const member of ['properties', ...LISTS.map((list) => list.member)]) {
    const entries = value[member];
    const count = Array.isArray(entries)
      ? entries.length
      : typeof entries === 'object' && entries !== null
        ? Object.keys(entries).length
        : 0;
    if (count <= MAX_YAML_MEMBERS) continue;
    const fix =
      member === 'properties' ? 'Split the type (contracts share properties between types)' : `Split \`${member}\` across several files`;
    return {
      code: YAML_CODES.tooManyMembers,
      severity: 'error',
      summary: `Too many entries in ${member}`,
      detail: `\`${member}\` holds ${count.toLocaleString('en')} entries, more than the ${MAX_YAML_MEMBERS.toLocaleString('en')} catalyst reads in one file. ${fix}.`,
      location: locate?.(member) ?? { file, line: 1, column: 1 },
    };
  }
  return undefined;
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
  if (!value || typeof value.key !== 'string' || LISTS.some((list) => list.member in value) || tooManyMembers(value, file))
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
  const listed = LISTS.find((list) => list.member in value && !('key' in value));
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

function contentTypeSpecialCases(error: ErrorObject, path: string[]): SpecialCase | undefined {
  if (error.keyword === 'type' && path.length === 2 && path[0] === 'properties') {
    return {
      code: YAML_CODES.schemaViolation,
      severity: 'error',
      summary: `Property "${path[1]}" is neither a type name nor a mapping`,
      detail: `A property is written as a type name (\`${path[1]}: richText\`, \`${path[1]}: string[]\`) or as a mapping (\`${path[1]}: { type: string, required: true }\`), not as ${describe(error.data)}. Rewrite it in one of those forms.`,
      at: path,
    };
  }
  if (path.length > 0) return undefined;
  if (error.keyword === 'not' && error.schemaPath === '#/then/not') {
    return {
      code: YAML_CODES.schemaViolation,
      severity: 'error',
      summary: 'A contract has no baseType',
      at: ['baseType'],
      detail:
        '`isContract: true` makes this type a contract, and contracts have no base type. Remove `baseType`, or remove `isContract: true` to make it a regular type.',
    };
  }
  if (error.keyword === 'required' && error.params.missingProperty === 'baseType') {
    return {
      code: YAML_CODES.schemaViolation,
      severity: 'error',
      summary: 'Missing "baseType"',
      at: ['key'],
      detail: `Every content type but a contract needs a base type. Add "baseType:" with one of ${BASE_TYPES.join(', ')}, or "isContract: true" for a contract.`,
    };
  }
  const list =
    error.keyword === 'additionalProperties' ? LISTS.find((candidate) => candidate.member === error.params.additionalProperty) : undefined;
  if (list) {
    return {
      code: YAML_CODES.unknownMember,
      severity: 'error',
      summary: `${list.title} go in a file of their own`,
      at: [list.member],
      detail: `A file holds one content type, a \`propertyGroups:\` list or a \`displayTemplates:\` list, only one of them. Move \`${list.member}:\` to a separate file (for example ${list.fileName}).`,
    };
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

/** The engine's own recursion limit, reached by a document nested thousands of levels deep. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && error.message.includes('Maximum call stack size exceeded'));
}

function nestedTooDeeply(location: SourceLocation): Diagnostic {
  return {
    code: YAML_CODES.nestedTooDeeply,
    severity: 'error',
    summary: 'Nested too deeply',
    detail:
      'The YAML nests mappings or lists thousands of levels deep, more than catalyst reads. A content type file needs a few levels (type, properties, a property, its items): remove the extra nesting.',
    location,
  };
}

function yamlError(error: YAMLError, text: string, at: (offset: number) => SourceLocation): Diagnostic {
  const location = at(error.pos[0]);
  if (isStackOverflow(error)) return nestedTooDeeply(location);
  const message = error.message.split('\n')[0]!.replace(/\.$/, '');
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = /^("[^"]*"|'[^']*'|[^:\n]*)/.exec(text.slice(error.pos[0]))![1]!.trim();
      return {
        code: YAML_CODES.duplicateMappingKey,
        severity: 'error',
        summary: `Duplicate key ${JSON.stringify(key)}`,
        detail: `${JSON.stringify(key)} appears more than once in the same mapping, so it is unclear which value is meant. Remove or rename one of them.`,
        location,
      };
    }
    case 'MULTIPLE_DOCS':
      return {
        code: YAML_CODES.multipleDocuments,
        severity: 'error',
        summary: 'More than one YAML document in the file',
        detail:
          'A content type file holds exactly one YAML document, but a `---` line here starts another. Move each content type to a file of its own.',
        location,
      };
    default:
      return {
        code: YAML_CODES.syntax,
        severity: 'error',
        summary: 'YAML syntax error',
        detail: `${message}. Correct the YAML at this position (indentation, a missing colon, or an unclosed quote or bracket are the usual causes).`,
        location,
      };
  }
}

function yamlWarning(warning: YAMLError, at: (offset: number) => SourceLocation): Diagnostic {
  return {
    code: YAML_CODES.yamlWarning,
    severity: 'warning',
    summary: 'YAML feature ignored',
    detail: `${warning.message.split('\n')[0]!.replace(/\.$/, '')}. catalyst reads plain YAML values only; remove the tag or feature.`,
    location: at(warning.pos[0]),
  };
}
