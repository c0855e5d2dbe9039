import type { ContentTypeDef, ItemDef, PropertyDef } from '../../core/model.js';
import { AdapterError } from '../errors.js';
import { componentUid, contentTypeUid } from './names.js';
import { MEDIA_TYPES, type StrapiAttribute } from './to-canonical.js';

/**
 * Attribute options catalyst's model has no member for. An update replaces a type's whole
 * attribute set, so these are carried over from the attribute the server holds, not lost.
 */
const KEPT_OPTIONS = [
  'default',
  'private',
  'configurable',
  'pluginOptions',
  'conditions',
  'targetField',
  'column',
  'inversedBy',
  'mappedBy',
];

/** The attributes of a canonical type as Strapi's update-schema takes them, keeping what `held` has that catalyst does not model. */
export function attributesToStrapi(
  def: ContentTypeDef,
  held: Readonly<Record<string, StrapiAttribute>> = {},
): Array<Record<string, unknown>> {
  return Object.entries(def.properties).map(([name, property]) => {
    const properties = attributeOf(def.key, name, property);
    const before = held[name];
    if (before && before.type === properties.type) {
      for (const option of KEPT_OPTIONS) if (before[option] !== undefined) properties[option] = before[option];
    }
    return { action: before ? 'update' : 'create', name, properties };
  });
}

function attributeOf(typeKey: string, name: string, property: PropertyDef): StrapiAttribute {
  const attribute = valueOf(typeKey, name, property);
  if (property.required === true) attribute.required = true;
  const { unique, ...rest } = property.editorSettings ?? {};
  if (unique === true) attribute.unique = true;
  if (Object.keys(rest).length > 0) throw refused(typeKey, name, `editorSettings other than "unique" (${Object.keys(rest).join(', ')})`);
  return attribute;
}

function valueOf(typeKey: string, name: string, property: PropertyDef): StrapiAttribute {
  const bounded = (attribute: StrapiAttribute, pairs: ReadonlyArray<readonly [keyof PropertyDef, string]>) => {
    for (const [member, option] of pairs) if (property[member] !== undefined) attribute[option] = property[member];
    return attribute;
  };
  switch (property.type) {
    case 'string': {
      if (property.enum) return { type: 'enumeration', enum: property.enum.map((value) => String(value.value)) };
      const type = property.format === undefined ? 'string' : property.format;
      if (!['string', 'text', 'email', 'uid'].includes(type)) throw refused(typeKey, name, `string format "${type}"`);
      const attribute = bounded({ type }, [
        ['minLength', 'minLength'],
        ['maxLength', 'maxLength'],
      ]);
      if (property.pattern !== undefined) attribute.regex = property.pattern;
      return attribute;
    }
    case 'richText':
      if (property.format === undefined) return { type: 'blocks' };
      if (property.format === 'markdown') return { type: 'richtext' };
      throw refused(typeKey, name, `richText format "${property.format}"`);
    case 'integer':
    case 'float': {
      const formats: Record<string, string> = property.type === 'integer' ? { biginteger: 'biginteger' } : { decimal: 'decimal' };
      const type = property.format === undefined ? property.type : formats[property.format];
      if (!type) throw refused(typeKey, name, `${property.type} format "${property.format}"`);
      return bounded({ type }, [
        ['minimum', 'min'],
        ['maximum', 'max'],
      ]);
    }
    case 'boolean':
    case 'json':
      return { type: property.type };
    case 'dateTime': {
      const type = property.format === undefined ? 'datetime' : property.format;
      if (!['datetime', 'date', 'time'].includes(type)) throw refused(typeKey, name, `dateTime format "${type}"`);
      return { type };
    }
    case 'contentReference':
      return referenceOf(typeKey, name, { type: 'contentReference', allowedTypes: property.allowedTypes ?? [] }, false, property.format);
    case 'component':
      return { type: 'component', component: componentOf(typeKey, name, property.contentType), repeatable: false };
    case 'array': {
      const items = property.items;
      const counted = (attribute: StrapiAttribute) =>
        bounded(attribute, [
          ['minItems', 'min'],
          ['maxItems', 'max'],
        ]);
      if (items?.type === 'component')
        return counted({ type: 'component', component: componentOf(typeKey, name, items.contentType), repeatable: true });
      if (items?.type === 'content')
        return counted({ type: 'dynamiczone', components: (items.allowedTypes ?? []).map((key) => componentUid(key).uid) });
      if (items?.type === 'contentReference') return referenceOf(typeKey, name, items, true, property.format);
      throw refused(typeKey, name, `an array of ${items?.type ?? 'nothing'}`);
    }
    default:
      throw refused(typeKey, name, `property type "${property.type}"`);
  }
}

/** A reference to media (allowed types are base types) or a relation to one content type. */
function referenceOf(typeKey: string, name: string, reference: ItemDef, multiple: boolean, format: string | undefined): StrapiAttribute {
  const allowed = reference.allowedTypes ?? [];
  const media = Object.entries(MEDIA_TYPES);
  if (allowed.length > 0 && allowed.every((type) => type.startsWith('_'))) {
    const kinds = allowed.map((type) => {
      const kind = media.find(([, baseType]) => baseType === type)?.[0];
      if (!kind) throw refused(typeKey, name, `a reference to ${type} (media references allow _image, _video, _media)`);
      return kind;
    });
    return { type: 'media', multiple, allowedTypes: kinds };
  }
  if (allowed.length !== 1)
    throw refused(typeKey, name, 'a reference that does not name exactly one content type (a Strapi relation has one target)');
  const relation = format ?? (multiple ? 'manyToMany' : 'manyToOne');
  const valid = multiple ? ['oneToMany', 'manyToMany'] : ['oneToOne', 'manyToOne'];
  if (!valid.includes(relation)) throw refused(typeKey, name, `relation format "${relation}" (use ${valid.join(' or ')})`);
  return { type: 'relation', relation, target: contentTypeUid(allowed[0]!) };
}

function componentOf(typeKey: string, name: string, key: string | undefined): string {
  if (!key) throw refused(typeKey, name, 'a component property without contentType');
  return componentUid(key).uid;
}

function refused(typeKey: string, name: string, what: string): AdapterError {
  return new AdapterError({
    kind: 'validation',
    message: `Property "${name}" of ${typeKey} is ${what}, which Strapi cannot store. Change the property (docs/strapi-mapping.md lists what maps to Strapi).`,
  });
}
