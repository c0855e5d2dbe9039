import { BASE_TYPES, type BaseType, type DisplayTemplateDef } from '../../core/model.js';
import { normalizeDisplayTemplate } from '../../core/normalize.js';
import type { WrittenDisplayTemplate, WrittenDisplayTemplates } from '../generated/content-type-file.js';
import { InternalError } from '../../core/internal-error.js';

/** Member order of a written display template: identity, what it applies to, then its settings. */
const TEMPLATE_MEMBERS = ['key', 'displayName', 'nodeType', 'baseType', 'contentType', 'isDefault', 'settings'] as const;

/** Written display templates (schema-valid) in canonical form, in the order written. */
export function expandDisplayTemplates(written: WrittenDisplayTemplates): DisplayTemplateDef[] {
  return written.displayTemplates.map((template) =>
    normalizeDisplayTemplate({
      key: template.key,
      displayName: template.displayName,
      nodeType: template.nodeType,
      baseType: template.baseType === undefined ? undefined : canonicalBaseType(template.baseType),
      contentType: template.contentType,
      isDefault: template.isDefault,
      settings: template.settings as DisplayTemplateDef['settings'],
    }),
  );
}

/** Canonical display templates as one YAML document's value, ordered by key. */
export function compactDisplayTemplates(templates: readonly DisplayTemplateDef[]): WrittenDisplayTemplates {
  const sorted = [...templates].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    displayTemplates: sorted.map((template) => {
      const written: Record<string, unknown> = {};
      for (const member of TEMPLATE_MEMBERS) if (template[member] !== undefined) written[member] = template[member];
      return written as unknown as WrittenDisplayTemplate;
    }),
  };
}

/** The schema admits base types with or without the underscore; the canonical spelling has it. */
function canonicalBaseType(written: string): BaseType {
  const spelled = written.startsWith('_') ? written : `_${written}`;
  const known = BASE_TYPES.find((baseType) => baseType === spelled);
  if (known === undefined) throw new InternalError(`the schema admitted base type "${written}"`);
  return known;
}
