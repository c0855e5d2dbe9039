import type { Diagnostic } from '../../../core/diagnostic.js';
import { CATALYST_CODES, quote, rowDiagnostic, type RowContext } from '../catalyst-diagnostics.js';
import { isObject, type JsonObject } from '../read/parse-content-type-row.js';

/** Attributes every field may carry that are bookkeeping, not modelling (never reported). */
const BOOKKEEPING = ['name', 'type', 'id'] as const;

/** What the import could not carry over, and what it decided on the user's behalf. */
export interface MappingNotes {
  /** Decisions taken from evidence, written to the YAML header. */
  decisions: string[];
  /** Values with no Optimizely home, written to the YAML header and reported as warnings. */
  lost: string[];
}

/**
 * Reads one field's attributes, remembering which were used so that every attribute left over
 * is reported: nothing in a Catalyst field is dropped without a diagnostic.
 * Shape A keeps constraints in `validation`, Shape B at the top level; `constraint()` reads both.
 */
export class FieldReader {
  private readonly consumed = new Set<string>(BOOKKEEPING);
  private readonly consumedValidation = new Set<string>();
  private readonly validation: JsonObject;

  constructor(
    private readonly attributes: JsonObject,
    readonly fieldName: string,
    private readonly context: RowContext,
    private readonly diagnostics: Diagnostic[],
    readonly notes: MappingNotes,
  ) {
    this.validation = isObject(attributes.validation) ? attributes.validation : {};
    if (attributes.validation !== undefined && attributes.validation !== null && !isObject(attributes.validation)) {
      this.warn(
        CATALYST_CODES.badAttributeValue,
        'Validation is not an object',
        `"validation" holds ${quote(attributes.validation)} and was ignored.`,
      );
    }
    this.consumed.add('validation');
  }

  /** A top-level attribute; absent, null and "" all read as undefined. */
  take(key: string): unknown {
    this.consumed.add(key);
    return present(this.attributes[key]);
  }

  /** A constraint from `validation.<key>`, else the top-level `<key>` (Shape B spelling). */
  constraint(key: string): unknown {
    this.consumedValidation.add(key);
    this.consumed.add(key);
    const nested = present(this.validation[key]);
    const top = present(this.attributes[key]);
    if (nested !== undefined && top !== undefined && JSON.stringify(nested) !== JSON.stringify(top)) {
      this.warn(
        CATALYST_CODES.badAttributeValue,
        `Two values for ${key}`,
        `validation.${key} is ${quote(nested)} and ${key} is ${quote(top)}; validation.${key} was used.`,
      );
    }
    return nested ?? top;
  }

  constraintNumber(key: string, integer = false): number | undefined {
    const value = this.constraint(key);
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isFinite(value) && (!integer || (Number.isInteger(value) && value >= 0))) return value;
    this.warn(
      CATALYST_CODES.badAttributeValue,
      `Unusable ${key}`,
      `${key} is ${quote(value)}, not ${integer ? 'a whole number ≥ 0' : 'a number'}; it was left out.`,
    );
    return undefined;
  }

  constraintString(key: string): string | undefined {
    const value = this.constraint(key);
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    this.warn(CATALYST_CODES.badAttributeValue, `Unusable ${key}`, `${key} is ${quote(value)}, not a string; it was left out.`);
    return undefined;
  }

  /** Records a value with no Optimizely home: a warning and a line in the YAML header. */
  lose(attribute: string, value: unknown, why?: string): void {
    if (value === undefined) return;
    const line = `${this.fieldName}: ${attribute} ${quote(value)}${why ? ` (${why})` : ''}`;
    this.notes.lost.push(line);
    this.warn(
      CATALYST_CODES.noOptimizelyHome,
      `${attribute} has no Optimizely equivalent`,
      `${attribute} ${quote(value)} has no equivalent in an Optimizely content type${why ? ` (${why})` : ''}; it is noted in the YAML header and stays in Catalyst Studio.`,
    );
  }

  /** A constraint read only to be reported as lost. */
  loseConstraint(key: string, why?: string): void {
    this.lose(this.validation[key] !== undefined ? `validation.${key}` : key, this.constraint(key), why);
  }

  decide(text: string): void {
    this.notes.decisions.push(`${this.fieldName}: ${text}`);
  }

  warn(code: string, summary: string, detail: string): void {
    this.diagnostics.push(rowDiagnostic('warning', code, this.context, { summary, detail, field: this.fieldName }));
  }

  error(code: string, summary: string, detail: string): void {
    this.diagnostics.push(rowDiagnostic('error', code, this.context, { summary, detail, field: this.fieldName }));
  }

  /** Reports every attribute nobody read. Call once, after mapping. */
  finish(): void {
    for (const [key, value] of Object.entries(this.attributes)) {
      if (this.consumed.has(key) || present(value) === undefined) continue;
      this.reportUnknown(key, value);
    }
    for (const [key, value] of Object.entries(this.validation)) {
      if (this.consumedValidation.has(key) || present(value) === undefined) continue;
      this.reportUnknown(`validation.${key}`, value);
    }
  }

  private reportUnknown(attribute: string, value: unknown): void {
    this.notes.lost.push(`${this.fieldName}: ${attribute} ${quote(value)} (not a known Catalyst attribute)`);
    this.warn(
      CATALYST_CODES.unknownAttribute,
      `Unknown attribute ${attribute}`,
      `${attribute} ${quote(value)} is not an attribute this importer knows for a "${String(this.attributes.type)}" field, so it was not carried over; it is noted in the YAML header. Report it if it should map to something.`,
    );
  }
}

function present(value: unknown): unknown {
  return value === null || value === '' ? undefined : value;
}
