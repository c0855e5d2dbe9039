import { resolve } from 'node:path';
import { LineCounter } from 'yaml';
import { parseYamlDocument } from '../yaml/parse-yaml-document.js';
import { readBoundedFile } from '../fs/read-bounded-file.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { digest } from '../../core/digest.js';
import { LOCK_CODES } from '../diagnostic-codes.js';
import { decodeUtf8 } from '../fs/decode-utf8.js';
import { displayPath } from '../fs/display-path.js';
import { jsonErrorLocation } from '../fs/json-error-location.js';
import { schemaDiagnostics } from '../schema/schema-diagnostics.js';
import { schemaValidator } from '../schema/schema-validator.js';
import { createYamlLocator, type YamlLocator } from '../yaml/yaml-locator.js';
import { emptyLockfile, LOCK_VERSION, type Lockfile } from './lockfile.js';

export type ReadLockfileResult =
  /** A missing file is an empty lockfile (`exists: false`), not an error. */
  | { lock: Lockfile; exists: boolean; diagnostics: Diagnostic[] }
  /** The file exists but cannot be trusted: never treated as empty, so nothing is re-created or deleted by mistake. */
  | { lock: undefined; exists: true; diagnostics: Diagnostic[] };

/** The largest lockfile catalyst reads (256 MiB); a bigger one is refused before it is read. */
export const MAX_LOCKFILE_BYTES = 256 * 1024 * 1024;

const RESTORE = 'Restore it from version control (for example `git checkout -- <file>`), or resolve the problem by hand.';

/** Reads and checks the lockfile: JSON, format version, schema, and every entry against its digest. */
export async function readLockfile(path: string, options: { cwd?: string } = {}): Promise<ReadLockfileResult> {
  const cwd = options.cwd ?? process.cwd();
  const file = displayPath(path, cwd);
  const read = await readBoundedFile(resolve(cwd, path), MAX_LOCKFILE_BYTES);
  if (!read.ok && read.reason === 'missing') return { lock: emptyLockfile(), exists: false, diagnostics: [] };
  if (!read.ok && read.reason === 'too-large')
    return failed({
      code: LOCK_CODES.tooLarge,
      summary: 'Lockfile too large',
      detail: `${file} is larger than ${MAX_LOCKFILE_BYTES / 1024 / 1024} MB, the most catalyst reads (a lockfile of 5,000 types is about 16 MB). ${RESTORE}`,
      location: { file, line: 1, column: 1 },
    });
  if (!read.ok)
    return failed({
      code: LOCK_CODES.unreadable,
      summary: 'Lockfile cannot be read',
      detail: `catalyst could not read ${file}: ${read.message}. Check that it is a readable file (a regular file, not a link to a device or a pipe).`,
      location: { file, line: 1, column: 1 },
    });
  const bytes = read.bytes;
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    return failed({
      code: LOCK_CODES.invalidJson,
      summary: 'Lockfile is not UTF-8',
      detail: `${file} cannot be read as UTF-8: ${decoded.reason}. ${RESTORE}`,
      location: { file, line: decoded.line, column: 1 },
    });
  }
  return parseLockfileText(decoded.text, file);
}

/** Checks lockfile text (see `readLockfile`); `file` names it in diagnostics. */
export function parseLockfileText(text: string, file: string): ReadLockfileResult {
  const conflict = /^(<{7}|={7}|>{7})(?: |$)/m.exec(text);
  if (conflict) {
    return failed({
      code: LOCK_CODES.mergeConflict,
      summary: 'Lockfile has merge conflict markers',
      detail:
        `${file} holds git merge conflict markers, so it is not valid JSON. Take one side of the conflict whole (for example \`git checkout --theirs -- ${file}\`) ` +
        'and run `catalyst plan`: the plan compares with the live CMS and shows what the other side changed.',
      location: { file, line: text.slice(0, conflict.index).split('\n').length, column: 1 },
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return failed({
      code: LOCK_CODES.invalidJson,
      summary: 'Lockfile is not valid JSON',
      detail: `${file} cannot be parsed: ${(error as Error).message}. ${RESTORE}`,
      location: jsonErrorLocation(error as Error, text, file),
    });
  }
  const version = (value as { lockVersion?: unknown } | null)?.lockVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > LOCK_VERSION) {
    return failed({
      code: LOCK_CODES.newerVersion,
      summary: 'Lockfile was written by a newer catalyst',
      detail: `${file} has lockVersion ${version}, but this catalyst reads lockVersion ${LOCK_VERSION} only. Upgrade catalyst to the version your team uses (see package.json) and run the command again.`,
      location: { file, line: 1, column: 1 },
    });
  }
  const locator = jsonLocator(text, file);
  const errors = schemaValidator('lock.schema.json').validate(value);
  if (errors.length > 0) {
    const diagnostics = schemaDiagnostics(errors, {
      locator,
      codes: { schemaViolation: LOCK_CODES.schemaViolation, unknownMember: LOCK_CODES.schemaViolation },
      rootName: 'The lockfile',
    }).map((diagnostic) => ({
      ...diagnostic,
      detail: `${diagnostic.detail} The lockfile is written by catalyst; if nobody edited it, a newer catalyst may have written it. ${RESTORE}`,
    }));
    return { lock: undefined, exists: true, diagnostics };
  }
  const lock = value as Lockfile;
  const mismatches = digestMismatches(lock, locator);
  if (mismatches.length > 0) return { lock: undefined, exists: true, diagnostics: mismatches };
  return { lock, exists: true, diagnostics: [] };
}

function digestMismatches(lock: Lockfile, locator: YamlLocator): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const member of ['targets', 'sources'] as const) {
    for (const [name, section] of Object.entries(lock[member] ?? {})) {
      for (const kind of ['contentTypes', 'propertyGroups'] as const) {
        const entries: Record<string, { digest: string; definition: unknown } | undefined> = section?.[kind] ?? {};
        for (const [key, entry] of Object.entries(entries)) {
          if (!entry || digest(entry.definition) === entry.digest) continue;
          const path = [member, name, kind, key, 'digest'];
          diagnostics.push({
            code: LOCK_CODES.digestMismatch,
            severity: 'error',
            summary: `Lockfile entry ${name} ${key} does not match its digest`,
            detail:
              `The recorded definition of "${key}" under ${member}.${name}.${kind} does not have the digest recorded with it, so the lockfile was edited by hand or damaged ` +
              `and catalyst cannot tell what was last synced. ${RESTORE} If no good copy exists, delete this entry and run \`catalyst import\` to adopt the live definition again.`,
            location: locator.locate(path),
            path: path.join('.'),
          });
        }
      }
    }
  }
  return diagnostics;
}

function failed(diagnostic: Omit<Diagnostic, 'severity'>): ReadLockfileResult {
  return { lock: undefined, exists: true, diagnostics: [{ severity: 'error', ...diagnostic }] };
}

/**
 * JSON is YAML: the YAML parser gives the line and column of any path. It runs only when a
 * diagnostic needs a position; a sound lockfile is read with `JSON.parse` alone.
 */
function jsonLocator(text: string, file: string): YamlLocator {
  let locator: YamlLocator | undefined;
  const parsed = (): YamlLocator => {
    if (!locator) {
      const lineCounter = new LineCounter();
      locator = createYamlLocator(parseYamlDocument(text, lineCounter), lineCounter, file);
    }
    return locator;
  };
  return { locate: (path) => parsed().locate(path), locateKey: (path) => parsed().locateKey(path) };
}
