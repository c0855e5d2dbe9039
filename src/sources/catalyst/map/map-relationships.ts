import type { Diagnostic } from '../../../core/diagnostic.js';
import type { PropertyDef } from '../../../core/model.js';
import { CATALYST_CODES, quote, rowDiagnostic, type RowContext } from '../catalyst-diagnostics.js';
import { toPropertyKey } from './derive-key.js';
import type { MappingNotes } from './field-reader.js';
import type { PropertySource } from './imported-type.js';
import type { RawRelationship } from '../read/parse-content-type-row.js';

export const RELATIONSHIP_TYPES = ['oneToOne', 'manyToOne', 'oneToMany', 'manyToMany'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

const KNOWN_ATTRIBUTES = new Set(['id', 'name', 'type', 'sourceContentTypeId', 'targetContentTypeId', 'fieldName', 'isRequired']);

export interface MappedProperty {
  property: PropertyDef;
  source: PropertySource;
  isReference: boolean;
}

export interface RelationshipEnv {
  context: RowContext;
  diagnostics: Diagnostic[];
  notes: MappingNotes;
  /** A Catalyst content type id → its key, and whether it is part of this import. */
  resolveTarget(contentTypeId: string): { key: string; imported: boolean } | undefined;
}

/**
 * Relationships hold the targets that `reference` fields lack. Each becomes a content reference
 * restricted to the target type: to-one kinds a single `contentReference`, to-many kinds an
 * `array` of them. A relationship whose `fieldName` names a reference field completes that
 * field (one property); one that names no field becomes a property of its own. Optimizely has no
 * two-sided relations: each side declared in Catalyst becomes a property of its own type.
 */
export function mapRelationships(
  relationships: readonly RawRelationship[],
  properties: Map<string, MappedProperty>,
  nextSortOrder: number,
  env: RelationshipEnv,
): void {
  let sortOrder = nextSortOrder;
  for (const relationship of relationships) {
    const attributes = relationship.attributes;
    const label = typeof attributes.fieldName === 'string' && attributes.fieldName !== '' ? attributes.fieldName : attributes.name;
    const name = typeof label === 'string' && label !== '' ? label : `relationship #${relationship.index}`;
    const fail = (summary: string, detail: string, code: string = CATALYST_CODES.badRelationship): void => {
      env.diagnostics.push(rowDiagnostic('error', code, env.context, { summary, detail: `relationship "${name}": ${detail}` }));
    };
    const kind = attributes.type;
    if (!isRelationshipType(kind)) {
      fail(
        `Unknown relationship type ${quote(kind)}`,
        `the type must be one of ${RELATIONSHIP_TYPES.join(', ')}. It was not imported; fix it in Catalyst Studio.`,
      );
      continue;
    }
    const key = typeof label === 'string' ? toPropertyKey(label) : undefined;
    if (key === undefined) {
      fail('Relationship without a field name', 'it has neither "fieldName" nor "name". It was not imported; name it in Catalyst Studio.');
      continue;
    }
    const targetId = attributes.targetContentTypeId;
    const target = typeof targetId === 'string' ? env.resolveTarget(targetId) : undefined;
    if (!target) {
      fail(
        'Relationship target not found',
        `its targetContentTypeId ${quote(targetId)} names no content type in the database. It was not imported; point it at an existing type in Catalyst Studio.`,
        CATALYST_CODES.relationshipTargetMissing,
      );
      continue;
    }
    if (!target.imported) {
      env.diagnostics.push(
        rowDiagnostic('warning', CATALYST_CODES.relationshipTargetNotImported, env.context, {
          summary: 'Relationship target not imported',
          detail: `relationship "${name}" targets ${target.key}, which is not part of this import (another website). The reference names it anyway; import that website too, or validation will report the unknown type.`,
        }),
      );
    }
    const toMany = kind === 'oneToMany' || kind === 'manyToMany';
    const required = attributes.isRequired === true;
    for (const [attribute, value] of Object.entries(attributes)) {
      if (!KNOWN_ATTRIBUTES.has(attribute) && value !== null && value !== undefined && value !== '') {
        env.notes.lost.push(`relationship ${name}: ${attribute} ${quote(value)} (no Optimizely equivalent)`);
        env.diagnostics.push(
          rowDiagnostic('warning', CATALYST_CODES.noOptimizelyHome, env.context, {
            summary: `${attribute} has no Optimizely equivalent`,
            detail: `relationship "${name}" has ${attribute} ${quote(value)}, which an Optimizely reference cannot hold; it is noted in the YAML header.`,
          }),
        );
      }
    }

    const existing = properties.get(key);
    if (existing && !(existing.isReference && existing.source.kind === 'field')) {
      fail(
        'Relationship clashes with a field',
        `its field name "${key}" is also the name of a field that is not a reference (${existing.property.type}), or of another relationship. It was not imported; rename one of them in Catalyst Studio.`,
        CATALYST_CODES.relationshipFieldClash,
      );
      continue;
    }
    if (existing && existing.source.kind === 'field') {
      const field = existing.property;
      properties.set(key, {
        isReference: true,
        source: {
          kind: 'relationship',
          relationshipIndex: relationship.index,
          fieldIndex: existing.source.fieldIndex,
          fieldName: existing.source.fieldName,
        },
        property: toMany
          ? {
              ...withoutValueConstraints(field),
              type: 'array',
              items: { type: 'contentReference', allowedTypes: [target.key] },
              required: field.required || required || undefined,
            }
          : { ...field, allowedTypes: [target.key], required: field.required || required || undefined },
      });
      env.notes.decisions.push(
        `${key}: reference field and ${kind} relationship "${name}" merged into one property targeting ${target.key}`,
      );
      continue;
    }
    sortOrder += 1;
    properties.set(key, {
      isReference: true,
      source: { kind: 'relationship', relationshipIndex: relationship.index },
      property: {
        ...(toMany
          ? { type: 'array', items: { type: 'contentReference', allowedTypes: [target.key] } }
          : { type: 'contentReference', allowedTypes: [target.key] }),
        required: required || undefined,
        sortOrder,
      },
    });
    env.notes.decisions.push(`${key}: from the ${kind} relationship "${name}" to ${target.key} (no field of that name)`);
  }
}

function isRelationshipType(value: unknown): value is RelationshipType {
  return typeof value === 'string' && (RELATIONSHIP_TYPES as readonly string[]).includes(value);
}

function withoutValueConstraints(property: PropertyDef): PropertyDef {
  const { allowedTypes: _allowed, restrictedTypes: _restricted, ...rest } = property;
  return rest;
}
