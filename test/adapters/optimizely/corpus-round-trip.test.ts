import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFailure } from '../adapter-failure.js';
import { contentTypeFromWire, propertyGroupFromWire } from '../../../src/adapters/optimizely/to-canonical.js';
import { contentTypeToWire, propertyGroupToWire } from '../../../src/adapters/optimizely/to-wire.js';
import { digest } from '../../../src/core/digest.js';
import type { ContentTypeDef } from '../../../src/core/model.js';
import { CORPUS_DIR } from '../../helpers/shared-data.js';

const CORPUS = CORPUS_DIR;
type Raw = Record<string, unknown>;
const files = readdirSync(CORPUS).filter((name) => name.endsWith('.json'));
const types = files.flatMap((file) => {
  const corpus = JSON.parse(readFileSync(join(CORPUS, file), 'utf8')) as { contentTypes: Raw[]; propertyGroups: Raw[] };
  return corpus.contentTypes.map((raw) => ({ file, key: String(raw['key']), raw }));
});
const groups = files.flatMap((file) => (JSON.parse(readFileSync(join(CORPUS, file), 'utf8')) as { propertyGroups: Raw[] }).propertyGroups);

/** Wire member → canonical member, for members the canonical model knows. */
const TYPE_MEMBERS: Record<string, string> = {
  displayName: 'displayName',
  description: 'description',
  sortOrder: 'sortOrder',
  mayContainTypes: 'mayContainTypes',
  mediaFileExtensions: 'mediaFileExtensions',
  compositionBehaviors: 'compositionBehaviors',
  contracts: 'contracts',
  isContract: 'isContract',
  accessRights: 'accessRights',
};
const VALUE_MEMBERS = [
  'format',
  'contentType',
  'minimum',
  'maximum',
  'enum',
  'minLength',
  'maxLength',
  'pattern',
  'allowedTypes',
  'restrictedTypes',
  'editorSettings',
];
const PROPERTY_MEMBERS: Record<string, string> = {
  ...Object.fromEntries(VALUE_MEMBERS.map((member) => [member, member])),
  type: 'type',
  displayName: 'displayName',
  description: 'description',
  isRequired: 'required',
  required: 'required',
  isLocalized: 'localized',
  localized: 'localized',
  group: 'group',
  sortOrder: 'sortOrder',
  indexingType: 'indexingType',
  displayMode: 'displayMode',
  items: 'items',
  minItems: 'minItems',
  maxItems: 'maxItems',
};

/** preview2's link, `{type: component, contentType: link}`, is the canonical `{type: link}`: its contentType is the type. */
function foldedLink(wire: Raw | undefined, canonical: Raw | undefined, member: string): boolean {
  return member === 'contentType' && wire?.['type'] === 'component' && wire['contentType'] === 'link' && canonical?.['type'] === 'link';
}

/** Values that mean "not set" on the platform, which canonical form leaves out. */
function meaningful(member: string, value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object')
    return (
      Object.keys(value).length > 0 &&
      !(member === 'enum' && Array.isArray((value as Raw)['values']) && ((value as Raw)['values'] as unknown[]).length === 0)
    );
  if (member === 'sortOrder' && value === 0) return false;
  if (member === 'displayMode' && value === 'available') return false;
  return true;
}

function missingMembers(raw: Raw, canonical: ContentTypeDef): string[] {
  const missing: string[] = [];
  for (const [wire, member] of Object.entries(TYPE_MEMBERS)) {
    if (meaningful(wire, raw[wire]) && (canonical as unknown as Raw)[member] === undefined) missing.push(wire);
  }
  for (const [name, property] of Object.entries((raw['properties'] ?? {}) as Record<string, Raw>)) {
    const canonicalProperty = canonical.properties[name] as unknown as Raw | undefined;
    if (canonicalProperty === undefined) {
      missing.push(`properties.${name}`);
      continue;
    }
    for (const [wire, member] of Object.entries(PROPERTY_MEMBERS)) {
      if (meaningful(wire, property[wire]) && canonicalProperty[member] === undefined && !foldedLink(property, canonicalProperty, wire))
        missing.push(`properties.${name}.${wire}`);
    }
    const items = property['items'] as Raw | undefined;
    for (const member of ['type', ...VALUE_MEMBERS]) {
      const canonicalItems = canonicalProperty['items'] as Raw | undefined;
      if (
        items &&
        meaningful(member, items[member]) &&
        canonicalItems?.[member] === undefined &&
        !foldedLink(items, canonicalItems, member)
      )
        missing.push(`properties.${name}.items.${member}`);
    }
  }
  return missing;
}

describe('the corpus of real content types', () => {
  it('is all there', () => {
    expect(types.length).toBeGreaterThanOrEqual(207);
  });

  it.each(types)('$file $key: wire → canonical → v1 wire → canonical is stable and loses nothing', ({ raw }) => {
    const canonical = contentTypeFromWire(raw);
    expect(missingMembers(raw, canonical)).toEqual([]);
    const again = contentTypeFromWire(contentTypeToWire(canonical, 'v1'));
    expect(again).toEqual(canonical);
    expect(digest(again)).toBe(digest(canonical));
    expect(contentTypeFromWire(contentTypeToWire(again, 'v1'))).toEqual(canonical);
  });

  it.each(types)('$file $key: preview3 round trip, or a validation error naming what preview3 cannot store', async ({ raw }) => {
    const canonical = contentTypeFromWire(raw);
    const needsV1 =
      canonical.isContract === true ||
      canonical.contracts !== undefined ||
      canonical.accessRights !== undefined ||
      Object.values(canonical.properties).some(
        (property) =>
          property.displayMode !== undefined || property.editorSettings !== undefined || property.items?.editorSettings !== undefined,
      );
    if (!needsV1) {
      expect(contentTypeFromWire(contentTypeToWire(canonical, 'preview3'))).toEqual(canonical);
      return;
    }
    const error = await adapterFailure(() => contentTypeToWire(canonical, 'preview3'));
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors.length).toBeGreaterThan(0);
  });

  it('property groups round trip', () => {
    expect(groups.length).toBe(6);
    for (const group of groups) {
      const canonical = propertyGroupFromWire(group);
      expect(propertyGroupFromWire(propertyGroupToWire(canonical))).toEqual(canonical);
      expect(canonical.displayName).toBe(group['displayName']);
    }
  });
});
