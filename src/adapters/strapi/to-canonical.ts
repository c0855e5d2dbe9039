import type { ContentTypeDef, EnumValue, ItemDef, PropertyDef } from '../../core/model.js';
import { normalizeContentType } from '../../core/normalize.js';
import { AdapterError } from '../errors.js';
import { componentKey, contentTypeKey } from './names.js';
import { STRAPI_DEFAULTS } from './profile.js';

/** A Strapi attribute as the content-type-builder returns it. */
export type StrapiAttribute = Record<string, unknown> & { type: string };

/** A content type's or component's schema as the content-type-builder returns it. */
export interface StrapiSchema {
  displayName: string;
  description?: string;
  kind?: 'collectionType' | 'singleType';
  singularName?: string;
  pluralName?: string;
  draftAndPublish?: boolean;
  icon?: string;
  attributes: Record<string, StrapiAttribute>;
}

/** Media kinds ↔ canonical base types. */
export const MEDIA_TYPES = { images: '_image', videos: '_video', files: '_media' } as const;

/** A Strapi content type (`component` false) or component as a canonical, normalized content type. */
export function contentTypeFromStrapi(key: string, schema: StrapiSchema, component: boolean): ContentTypeDef {
  const properties: Record<string, PropertyDef> = {};
  for (const [name, attribute] of Object.entries(schema.attributes ?? {})) properties[name] = propertyFrom(key, name, attribute);
  const def: ContentTypeDef = {
    key,
    baseType: component ? '_component' : schema.kind === 'singleType' ? '_experience' : '_page',
    displayName: schema.displayName,
    properties,
  };
  if (schema.description) def.description = schema.description;
  return normalizeContentType(def, STRAPI_DEFAULTS);
}

function propertyFrom(typeKey: string, name: string, attribute: StrapiAttribute): PropertyDef {
  const property = valueFrom(typeKey, name, attribute);
  if (attribute.required === true) property.required = true;
  if (attribute.unique === true) property.editorSettings = { ...property.editorSettings, unique: true };
  return property;
}

function valueFrom(typeKey: string, name: string, attribute: StrapiAttribute): PropertyDef {
  const number = (member: string) => (typeof attribute[member] === 'number' ? (attribute[member] as number) : undefined);
  const withBounds = (
    property: PropertyDef,
    low: string,
    high: string,
    lowMember: 'minimum' | 'minLength',
    highMember: 'maximum' | 'maxLength',
  ) => {
    const min = number(low);
    const max = number(high);
    if (min !== undefined) property[lowMember] = min;
    if (max !== undefined) property[highMember] = max;
    return property;
  };
  const text = (format?: string): PropertyDef => {
    const property: PropertyDef = withBounds({ type: 'string' }, 'minLength', 'maxLength', 'minLength', 'maxLength');
    if (format) property.format = format;
    if (typeof attribute.regex === 'string') property.pattern = attribute.regex;
    return property;
  };
  const numeric = (type: 'integer' | 'float', format?: string): PropertyDef => {
    const property = withBounds({ type }, 'min', 'max', 'minimum', 'maximum');
    if (format) property.format = format;
    return property;
  };
  const list = (items: ItemDef): PropertyDef => {
    const property: PropertyDef = { type: 'array', items };
    const min = number('min');
    const max = number('max');
    if (min !== undefined) property.minItems = min;
    if (max !== undefined) property.maxItems = max;
    return property;
  };
  switch (attribute.type) {
    case 'string':
      return text();
    case 'text':
    case 'email':
    case 'uid':
      return text(attribute.type);
    case 'richtext':
      return { type: 'richText', format: 'markdown' };
    case 'blocks':
      return { type: 'richText' };
    case 'integer':
      return numeric('integer');
    case 'biginteger':
      return numeric('integer', 'biginteger');
    case 'float':
      return numeric('float');
    case 'decimal':
      return numeric('float', 'decimal');
    case 'boolean':
      return { type: 'boolean' };
    case 'json':
      return { type: 'json' };
    case 'datetime':
      return { type: 'dateTime' };
    case 'date':
    case 'time':
      return { type: 'dateTime', format: attribute.type };
    case 'enumeration': {
      const values = Array.isArray(attribute.enum) ? attribute.enum : [];
      const enumValues: EnumValue[] = values.map((value) => ({ value: String(value), displayName: String(value) }));
      return { type: 'string', enum: enumValues };
    }
    case 'media': {
      const kinds = Array.isArray(attribute.allowedTypes) ? (attribute.allowedTypes as string[]) : Object.keys(MEDIA_TYPES);
      const allowedTypes = kinds.map((kind) => {
        const baseType = (MEDIA_TYPES as Record<string, string>)[kind];
        if (!baseType) throw unsupported(typeKey, name, `media of kind "${kind}"`);
        return baseType;
      });
      const reference: ItemDef = { type: 'contentReference', allowedTypes };
      return attribute.multiple === true ? { type: 'array', items: reference } : { ...reference };
    }
    case 'relation': {
      const relation = String(attribute.relation);
      const target = typeof attribute.target === 'string' ? contentTypeKey(attribute.target) : undefined;
      if (!target || !['oneToOne', 'manyToOne', 'oneToMany', 'manyToMany'].includes(relation))
        throw unsupported(typeKey, name, `a ${relation} relation to ${String(attribute.target)}`);
      const reference: ItemDef = { type: 'contentReference', allowedTypes: [target] };
      if (relation === 'oneToOne') return { ...reference, format: 'oneToOne' };
      if (relation === 'manyToOne') return { ...reference };
      return relation === 'oneToMany' ? { type: 'array', items: reference, format: 'oneToMany' } : { type: 'array', items: reference };
    }
    case 'component': {
      const contentType = componentKey(String(attribute.component));
      if (attribute.repeatable !== true) return { type: 'component', contentType };
      return list({ type: 'component', contentType });
    }
    case 'dynamiczone': {
      const components = Array.isArray(attribute.components) ? (attribute.components as string[]) : [];
      return list({ type: 'content', allowedTypes: components.map(componentKey) });
    }
    default:
      throw unsupported(typeKey, name, `type "${attribute.type}"`);
  }
}

function unsupported(typeKey: string, name: string, what: string): AdapterError {
  return new AdapterError({
    kind: 'protocol',
    message: `Attribute "${name}" of Strapi type ${typeKey} is ${what}, which catalyst cannot map to its model yet (docs/strapi-mapping.md lists what it maps). Change or remove the attribute in Strapi, or leave the type out of catalyst.`,
  });
}
