export type NumberType = 'integer' | 'float';

/** Content items needed before whole-number samples count as evidence of an integer. */
export const MIN_SAMPLES = 2;

export interface NumberEvidence {
  /** A user override (`--number Key.prop=integer`). */
  override?: NumberType;
  /** validation.precision: decimal places. */
  precision?: number;
  minimum?: number;
  maximum?: number;
  /** defaultValue / default, when a number. */
  defaultValue?: number;
  /** Option values of a select, when numbers. */
  optionValues?: number[];
  /** Values seen in content items' data for this field. */
  samples?: number[];
}

/**
 * Catalyst has one `number` type; Optimizely has integer and float. Float is the safe default
 * (every integer fits, a float stored as integer loses its fraction), so integer needs positive
 * evidence. The rules, in order:
 * 1. an override; 2. `precision` (0 → integer, more → float); 3. any fractional value among
 * bounds, default, options and content items → float; 4. option values, all whole → integer;
 * 5. both bounds given and whole → integer; 6. at least two content items, all whole → integer
 * (one item is too weak: integer is the choice that is costly to undo, a type change on the CMS);
 * 7. otherwise float, reported as a guess.
 */
export function decideNumberType(evidence: NumberEvidence): { type: NumberType; reason: string; guessed: boolean } {
  if (evidence.override) return { type: evidence.override, reason: 'set by --number', guessed: false };
  if (evidence.precision !== undefined) {
    return evidence.precision === 0
      ? { type: 'integer', reason: 'validation.precision is 0', guessed: false }
      : { type: 'float', reason: `validation.precision is ${evidence.precision}`, guessed: false };
  }
  const declared = [evidence.minimum, evidence.maximum, evidence.defaultValue, ...(evidence.optionValues ?? [])].filter(
    (value): value is number => value !== undefined,
  );
  const samples = evidence.samples ?? [];
  const fractional = [...declared, ...samples].find((value) => !Number.isInteger(value));
  if (fractional !== undefined) return { type: 'float', reason: `${fractional} is not a whole number`, guessed: false };
  if (evidence.optionValues && evidence.optionValues.length > 0) {
    return { type: 'integer', reason: 'every option value is a whole number', guessed: false };
  }
  if (evidence.minimum !== undefined && evidence.maximum !== undefined) {
    return { type: 'integer', reason: `both bounds (${evidence.minimum}, ${evidence.maximum}) are whole numbers`, guessed: false };
  }
  if (samples.length >= MIN_SAMPLES) {
    return { type: 'integer', reason: `every value in ${samples.length} content item(s) is a whole number`, guessed: false };
  }
  return { type: 'float', reason: 'no evidence of whole numbers only', guessed: true };
}
