import { decodeContentType, encodeContentType } from '../dialect/content-type-codec.js';
import { decodeDisplayTemplate, decodePropertyGroup, encodeDisplayTemplate, encodePropertyGroup } from '../dialect/resource-codec.js';
import { HttpProblem, validationProblem } from '../http/problem.js';
import type { ContentTypeDoc, DisplayTemplateDoc, PropertyGroupDoc } from '../store/documents.js';
import { dataLossMessage, findDataLoss } from '../validation/data-loss.js';
import { findUnknownReferences, referencedKeys } from '../validation/references.js';
import { validateContentType } from '../validation/validate-content-type.js';
import { validateDisplayTemplate } from '../validation/validate-display-template.js';
import { validatePropertyGroup } from '../validation/validate-property-group.js';
import type { ResourceKind } from './resource-kind.js';

export const CONTENT_TYPES: ResourceKind<ContentTypeDoc> = {
  noun: 'content type',
  segment: 'contenttypes',
  collection: (store) => store.contentTypes,
  decode: decodeContentType,
  validate: validateContentType,
  encode: encodeContentType,
  immutable: [{ member: 'key' }, { member: 'baseType' }, { member: 'isContract', absentMeans: false }],

  checkWrite(env, before, after) {
    if (env.strictReferences) {
      const isKnown = (key: string) => env.store.contentTypes.has(key) || (env.pendingContentTypes?.has(key) ?? false);
      const unknown = findUnknownReferences(after, isKnown, env.dialect);
      if (unknown.length > 0)
        throw validationProblem(unknown, `The ${CONTENT_TYPES.noun} '${after.key}' references content types that do not exist.`);
    }
    if (before !== undefined && !env.allowDataLoss) {
      const findings = findDataLoss(before, after, env.dialect);
      if (findings.length > 0) throw validationProblem(findings, dataLossMessage(after.key));
    }
  },

  /** 409 DependencyConflict while content items use the type [CLI]; with strictReferences also while types reference it. */
  checkDelete(env, stored) {
    const key = stored.doc.key;
    const items = env.store.countContentItems(key);
    if (items > 0) {
      throw new HttpProblem(
        409,
        `The content type '${key}' cannot be deleted because ${items} content item${items === 1 ? '' : 's'} use it. Delete the content first.`,
        {
          code: 'DependencyConflict',
        },
      );
    }
    if (!env.strictReferences) return;
    const referencing = env.store.contentTypes
      .list()
      .filter((other) => other.doc.key !== key && referencedKeys(other.doc).has(key))
      .map((other) => other.doc.key);
    if (referencing.length > 0) {
      throw new HttpProblem(
        409,
        `The content type '${key}' cannot be deleted because the content types ${referencing.join(', ')} reference it.`,
        {
          code: 'DependencyConflict',
        },
      );
    }
  },
};

export const PROPERTY_GROUPS: ResourceKind<PropertyGroupDoc> = {
  noun: 'property group',
  segment: 'propertygroups',
  collection: (store) => store.propertyGroups,
  decode: (_dialect, input) => ({ value: decodePropertyGroup(input), errors: [], reported: new Set() }),
  validate: (value, dialect) => validatePropertyGroup(value, dialect),
  encode: encodePropertyGroup,
  immutable: [{ member: 'key' }],
};

export const DISPLAY_TEMPLATES: ResourceKind<DisplayTemplateDoc> = {
  noun: 'display template',
  segment: 'displaytemplates',
  collection: (store) => store.displayTemplates,
  decode: (_dialect, input) => ({ value: decodeDisplayTemplate(input), errors: [], reported: new Set() }),
  validate: (value, dialect) => validateDisplayTemplate(value, dialect),
  encode: encodeDisplayTemplate,
  immutable: [{ member: 'key' }],
};
