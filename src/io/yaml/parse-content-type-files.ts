import { readdir, stat } from 'node:fs/promises';
import pLimit from 'p-limit';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.js';
import { assertNever } from '../../core/assert-never.js';
import type { ServerDefaults } from '../../core/defaults.js';
import type { SourceLocation } from '../../core/model.js';
import { YAML_CODES } from '../diagnostic-codes.js';
import { decodeUtf8 } from '../fs/decode-utf8.js';
import { displayPath } from '../fs/display-path.js';
import { readBoundedFile } from '../fs/read-bounded-file.js';
import { parseContentTypeText, type ParsedDocument, type ParseTextResult } from './parse-content-type-text.js';
import { MAX_YAML_FILE_BYTES, tooLarge } from './yaml-limits.js';
import { compareCodeUnits } from '../../core/compare-code-units.js';

export interface ParseContentTypeFilesOptions {
  /** Diagnostics name files relative to this directory (default: the process's working directory). */
  cwd?: string;
  /** The target platform's defaults, which normalization removes. */
  defaults: ServerDefaults;
}

export interface ParseContentTypeFilesResult {
  /** One per file that parsed cleanly, in file order. */
  documents: ParsedDocument[];
  /** The schema-valid parts of content type files with schema errors, for semantic checks only; never planned. */
  partial: ParsedDocument[];
  /** Every problem in every file, files in sorted order; a bad file never hides another's problems. */
  diagnostics: Diagnostic[];
}

/**
 * Reads every `*.yaml` / `*.yml` file below `dir` (recursively, skipping names that start with
 * a dot), in sorted path order, and returns the canonical definitions with all diagnostics:
 * per file (see `parseContentTypeText`) and across files (a content type, property group or
 * display template key defined twice). Semantic checks (references, constraints) are the core validator's.
 */
export async function parseContentTypeFiles(dir: string, options: ParseContentTypeFilesOptions): Promise<ParseContentTypeFilesResult> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, dir);
  const shownDir = displayPath(root, cwd);
  const missing = await directoryProblem(root, shownDir);
  if (missing) return { documents: [], partial: [], diagnostics: [missing] };

  const files = await listYamlFiles(root);
  const documents: ParsedDocument[] = [];
  const partial: ParsedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  if (files.length === 0) {
    diagnostics.push({
      code: YAML_CODES.noFiles,
      severity: 'warning',
      summary: `No content type files in ${shownDir}`,
      detail: `${shownDir} holds no *.yaml or *.yml files, so the desired state is empty: a plan would delete every type catalyst manages. Add content type files, or run \`catalyst import\` to write the live ones.`,
      location: { file: shownDir, line: 1, column: 1 },
    });
  }
  // Read (and parse) many files at once, so the disk's latency overlaps; results keep file order.
  const limit = pLimit(READ_CONCURRENCY);
  const results = await Promise.all(
    files.map((relativePath) =>
      limit(() => parseFile(join(root, relativePath), displayPath(join(root, relativePath), cwd), options.defaults)),
    ),
  );
  for (const result of results) {
    diagnostics.push(...result.diagnostics);
    if (result.document) documents.push(result.document);
    if (result.partial) partial.push(result.partial);
  }
  diagnostics.push(...duplicateKeys(documents));
  return { documents, partial, diagnostics };
}

const READ_CONCURRENCY = 32;

async function directoryProblem(root: string, shown: string): Promise<Diagnostic | undefined> {
  const info = await stat(root).catch(() => undefined);
  if (info?.isDirectory()) return undefined;
  return {
    code: YAML_CODES.missingDirectory,
    severity: 'error',
    summary: `Content types directory ${shown} ${info ? 'is not a directory' : 'does not exist'}`,
    detail: `catalyst reads the desired content types from ${shown}. Create the directory (\`catalyst import\` can fill it from a live CMS), or point \`contentTypesDir\` in the config at the right one.`,
    location: { file: shown, line: 1, column: 1 },
  };
}

async function listYamlFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true });
  return entries
    .map((entry) => entry.split('\\').join('/'))
    .filter((entry) => /\.ya?ml$/i.test(entry) && !entry.split('/').some((segment) => segment.startsWith('.')))
    .sort(compareCodeUnits);
}

async function parseFile(path: string, file: string, defaults: ServerDefaults): Promise<ParseTextResult> {
  const read = await readBoundedFile(path, MAX_YAML_FILE_BYTES);
  if (!read.ok && read.reason === 'too-large') return { diagnostics: [tooLarge(file)] };
  if (!read.ok) {
    const reason = read.message;
    return {
      diagnostics: [
        {
          code: YAML_CODES.unreadableFile,
          severity: 'error',
          summary: 'File cannot be read',
          detail: `catalyst could not read ${file}: ${reason}. Check that it is a readable file (permissions), or move it out of the content types directory.`,
          location: { file, line: 1, column: 1 },
        },
      ],
    };
  }
  const decoded = decodeUtf8(read.bytes);
  if (!decoded.ok) {
    return {
      diagnostics: [
        {
          code: YAML_CODES.notUtf8,
          severity: 'error',
          summary: 'File is not UTF-8',
          detail: `${file} cannot be read as UTF-8: ${decoded.reason}. Save the file with UTF-8 encoding.`,
          location: { file, line: decoded.line, column: 1 },
        },
      ],
    };
  }
  return parseContentTypeText(decoded.text, file, defaults);
}

/** A key defined in more than one place: one diagnostic at each later definition, naming the first. */
function duplicateKeys(documents: readonly ParsedDocument[]): Diagnostic[] {
  const contentTypes = new Map<string, Place[]>();
  const groups = new Map<string, Place[]>();
  const templates = new Map<string, Place[]>();
  const listed = (into: Map<string, Place[]>, member: string, keys: ReadonlyArray<{ key: string }>, document: ParsedDocument) =>
    keys.forEach((entry, index) => {
      const path = `${member}.${index}.key`;
      append(into, entry.key, { location: document.locate(path), path });
    });
  for (const document of documents) {
    switch (document.kind) {
      case 'contentTypeFile':
        append(contentTypes, document.contentType.key, { location: document.locate('key'), path: 'key' });
        break;
      case 'propertyGroupsFile':
        listed(groups, 'propertyGroups', document.propertyGroups, document);
        break;
      case 'displayTemplatesFile':
        listed(templates, 'displayTemplates', document.displayTemplates, document);
        break;
      default:
        assertNever(document, 'document');
    }
  }
  return [
    ...duplicates(contentTypes, YAML_CODES.duplicateContentType, 'content type'),
    ...duplicates(groups, YAML_CODES.duplicatePropertyGroup, 'property group'),
    ...duplicates(templates, YAML_CODES.duplicateDisplayTemplate, 'display template'),
  ];
}

interface Place {
  location: SourceLocation;
  path: string;
}

function append(map: Map<string, Place[]>, key: string, place: Place): void {
  map.set(key, [...(map.get(key) ?? []), place]);
}

function duplicates(map: Map<string, Place[]>, code: string, noun: string): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const [key, places] of map) {
    if (places.length < 2) continue;
    const [first, ...later] = places;
    for (const { location, path } of later) {
      result.push({
        code,
        severity: 'error',
        summary: `Duplicate ${noun} key "${key}"`,
        detail: `The ${noun} "${key}" is already defined at ${format(first!.location)}. A key may be defined only once: remove one definition, or rename one of them.`,
        location,
        path,
      });
    }
  }
  return result;
}

function format(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}
