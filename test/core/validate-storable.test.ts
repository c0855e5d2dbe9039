import { describe, expect, it } from 'vitest';
import { OPTIMIZELY_PROFILE } from '../../src/adapters/optimizely/profile.js';
import { contentTypeToWire } from '../../src/adapters/optimizely/to-wire.js';
import { isAdapterError } from '../../src/adapters/errors.js';
import type { ContentTypeDef } from '../../src/core/model.js';
import type { StorableRules } from '../../src/core/platform-profile.js';
import { validateDesired } from '../../src/core/validate-desired.js';
import { API_VERSIONS } from '../../src/io/config/config.js';

type Level = 'type' | 'property' | 'item';

/** A value for every member some version cannot store, at its level, in canonical form. */
const SAMPLES: Record<Level, Record<string, unknown>> = {
  type: { isContract: true, contracts: ['SeoFields'], accessRights: [{ name: 'Editors', type: 'role' }] },
  property: { imageDescriptor: { width: 100, height: 50 }, displayMode: 'hidden', editorSettings: { rows: 3 } },
  item: { editorSettings: { rows: 3 } },
};

/** A type with one member set at one level: `properties.gallery` is an array whose items take the item-level member. */
function plain(): ContentTypeDef {
  return {
    key: 'Article',
    baseType: '_page',
    displayName: 'Article',
    properties: { gallery: { type: 'array', items: { type: 'string' } } },
  };
}

function withMember(level: Level, member: string): ContentTypeDef {
  const def = plain();
  const value = SAMPLES[level][member];
  if (level === 'type') Object.assign(def, { [member]: value }, member === 'isContract' ? { baseType: null } : {});
  if (level === 'property') Object.assign(def.properties['gallery']!, { [member]: value });
  if (level === 'item') Object.assign(def.properties['gallery']!.items!, { [member]: value });
  return def;
}

const PATHS: Record<Level, (member: string) => string> = {
  type: (member) => member,
  property: (member) => `properties.gallery.${member}`,
  item: (member) => `properties.gallery.items.${member}`,
};

function check(def: ContentTypeDef, rules: StorableRules, held: ContentTypeDef[] = []) {
  const others: ContentTypeDef[] = [{ key: 'SeoFields', baseType: null, isContract: true, displayName: 'SEO', properties: {} }];
  return validateDesired(
    { contentTypes: [def, ...others].map((type) => ({ def: type })), propertyGroups: [], displayTemplates: [] },
    {
      rules: OPTIMIZELY_PROFILE,
      storable: { rules, held: new Map([...others, ...held].map((type) => [type.key, type])) },
    },
  ).filter((diagnostic) => diagnostic.code === 'V031' || diagnostic.code === 'V032');
}

const WALK = API_VERSIONS.flatMap((version) =>
  (['type', 'property', 'item'] as const).flatMap((level) => Object.keys(SAMPLES[level]).map((member) => ({ version, level, member }))),
);

describe('what the target’s API version cannot store, checked before any write', () => {
  it('has rules for every API version a config may name, and a sample for every member they list', () => {
    for (const version of API_VERSIONS) {
      const rules = OPTIMIZELY_PROFILE.versions[version]!;
      expect(rules.version).toBe(version);
      for (const level of ['type', 'property', 'item'] as const)
        for (const member of rules.unstorable[level]) expect(SAMPLES[level], `${version} ${level} ${member}`).toHaveProperty(member);
    }
  });

  it.each(WALK)(
    '$version, $level member $member: an error exactly when the profile says so, and the adapter agrees',
    ({ version, level, member }) => {
      const rules = OPTIMIZELY_PROFILE.versions[version]!;
      const def = withMember(level, member);
      const refused = rules.unstorable[level].includes(member);
      const found = check(def, rules);
      expect(found.map((diagnostic) => `${diagnostic.code} ${diagnostic.severity} ${diagnostic.path}`)).toEqual(
        refused ? [`V031 error ${PATHS[level](member)}`] : [],
      );
      if (refused) expect(found[0]!.detail).toContain(`apiVersion`);

      const send = () => contentTypeToWire(def, version, 'strict');
      if (refused) expect(send).toThrow(expect.objectContaining({ kind: 'validation' }) as Error);
      else expect(send).not.toThrow();
    },
  );

  it.each(WALK.filter(({ version, level, member }) => OPTIMIZELY_PROFILE.versions[version]!.unstorable[level].includes(member)))(
    '$version, $level member $member: a value the target already holds is not sent, so it is no error; a changed one is',
    ({ version, level, member }) => {
      const def = withMember(level, member);
      expect(check(def, OPTIMIZELY_PROFILE.versions[version]!, [structuredClone(def)])).toEqual([]);
      expect(() => contentTypeToWire(def, version, 'strict', structuredClone(def))).not.toThrow();
      let error: unknown;
      try {
        contentTypeToWire(def, version, 'strict', plain());
      } catch (caught) {
        error = caught;
      }
      expect(isAdapterError(error)).toBe(true);
    },
  );

  it('a property type the version refuses is an error where it is written, for the property and for array items', () => {
    for (const version of API_VERSIONS) {
      const rules = OPTIMIZELY_PROFILE.versions[version]!;
      for (const type of rules.unsupportedPropertyTypes) {
        const def: ContentTypeDef = {
          key: 'Article',
          baseType: '_page',
          displayName: 'Article',
          properties: { file: { type: type as 'binary' } },
        };
        expect(check(def, rules).map((diagnostic) => `${diagnostic.code} ${diagnostic.path}`)).toEqual(['V032 properties.file.type']);
        expect(check(def, rules, [structuredClone(def)])).toEqual([]);
      }
    }
    expect(OPTIMIZELY_PROFILE.versions['v1']!.unsupportedPropertyTypes).toEqual(['binary']);
    expect(OPTIMIZELY_PROFILE.versions['preview3']!.unsupportedPropertyTypes).toEqual([]);
  });
});
