import type { MappingNotes } from './field-reader.js';
import type { CatalystOrigin } from './imported-type.js';

export interface HeaderInput {
  origin: CatalystOrigin;
  key: string;
  /** "<baseType>: <reason>". */
  baseType: string;
  notes: MappingNotes;
  skipped: readonly string[];
}

/**
 * The comment lines at the top of an imported YAML file: which row it came from, every decision
 * taken from evidence, and everything that was not carried over. Deterministic: no import time.
 */
export function buildHeader({ origin, key, baseType, notes, skipped }: HeaderInput): string[] {
  const website = `website "${origin.websiteName}" (${origin.websiteId})`;
  const row = `content type "${origin.contentTypeName}" (${origin.contentTypeId})`;
  const shape = origin.shape === 'wrapper' ? 'shape A (wrapper object)' : 'shape B (bare array)';
  const lines = [
    'Imported from Catalyst Studio by `catalyst import catalyst`. Edit freely: a re-import merges',
    "Catalyst Studio's changes with yours, and overlapping edits are reported as conflicts.",
    origin.nestedIn
      ? `Source: the object field "${origin.nestedIn.field}" of ${row} in ${website}.`
      : `Source: ${website}, ${row}, updatedAt ${origin.updatedAt ?? 'unknown'}, fields ${shape}.`,
    origin.nestedIn ? `baseType ${baseType}.` : `baseType ${baseType}. To choose another: --base-type ${key}=page|component|folder.`,
  ];
  if (notes.decisions.length > 0) lines.push('Decisions:', ...notes.decisions.map((line) => `  ${line}`));
  if (notes.lost.length > 0) {
    lines.push('Not carried over (no Optimizely equivalent; kept in Catalyst Studio):', ...notes.lost.map((line) => `  ${line}`));
  }
  if (skipped.length > 0) {
    lines.push('NOT IMPORTED (the import reported an error for each):', ...skipped.map((line) => `  ${line}`));
  }
  return lines;
}
