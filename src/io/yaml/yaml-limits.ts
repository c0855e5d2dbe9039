import type { Diagnostic } from '../../core/diagnostic.js';
import type { SourceLocation } from '../../core/model.js';
import { YAML_CODES } from '../diagnostic-codes.js';
import { LIST_DOCUMENTS } from './list-documents.js';

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
export function tooManyMembers(
  value: Record<string, unknown>,
  file: string,
  locate?: (path: string) => SourceLocation,
): Diagnostic | undefined {
  for (const member of ['properties', ...LIST_DOCUMENTS.map((list) => list.member)]) {
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
