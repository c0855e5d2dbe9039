import type { ContentTypeDef } from '../../../core/model.js';
import type { CatalystCategory } from './decide-base-type.js';
import type { NumberType } from './decide-number-type.js';
import type { FieldsShape } from '../read/parse-content-type-row.js';

/**
 * Where an imported type came from. Recorded in the lockfile (`sources.catalyst.<key>.origin`)
 * so that a re-import keeps each row's key and an export finds the row again.
 */
export interface CatalystOrigin {
  websiteId: string;
  websiteName: string;
  contentTypeId: string;
  contentTypeName: string;
  /** ISO 8601; null when the row's timestamp is unreadable. */
  updatedAt: string | null;
  shape: FieldsShape;
  /** Set for a component type generated from an `object` field: the owning type's key and the field. */
  nestedIn?: { key: string; field: string };
}

/** The stored field or relationship a property came from; export writes back through it. */
export type PropertySource =
  | { kind: 'field'; fieldIndex: number; fieldName: string }
  | { kind: 'relationship'; relationshipIndex: number; fieldIndex?: number; fieldName?: string };

export interface ImportedType {
  /** Normalized (`normalizeContentType`). */
  def: ContentTypeDef;
  origin: CatalystOrigin;
  /** Comment lines for the top of the YAML file: the source row, decisions, what was not carried over. */
  header: string[];
  sources: Record<string, PropertySource>;
  /** Fields that could not be mapped (each also an error diagnostic): the type was imported without them. */
  skipped: string[];
}

/** Choices the user makes instead of the evidence: `--base-type Key=page`, `--number Key.prop=integer`. */
export interface CatalystOverrides {
  baseTypes: Record<string, CatalystCategory>;
  /** Keyed `<TypeKey>.<propertyKey>`. */
  numbers: Record<string, NumberType>;
}

export const NO_OVERRIDES: CatalystOverrides = { baseTypes: {}, numbers: {} };
