import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digest } from '../../src/core/digest.js';
import {
  BASE_TYPES,
  COMPOSITION_BEHAVIORS,
  DISPLAY_MODES,
  INDEXING_TYPES,
  PROPERTY_TYPES,
  type ContentTypeDef,
  type EnumValue,
  type PropertyDef,
  type PropertyType,
} from '../../src/core/model.js';
import { normalizeContentType } from '../../src/core/normalize.js';
import { formatContentTypeYaml, formatPropertyGroupsYaml } from '../../src/io/yaml/format-content-type-yaml.js';
import { parseContentTypeText } from '../../src/io/yaml/parse-content-type-text.js';
import { CORPUS_DIR, loadCorpus } from './helpers/wire-to-canonical.js';

const corpus = loadCorpus();
const types = corpus.flatMap((file) => file.contentTypes.map((def) => ({ file: file.name, key: def.key, def })));

describe('formatContentTypeYaml → parseContentTypeText gives back exactly the canonical definition', () => {
  it('covers every type of every corpus file (the corpus README says 207; the files hold 208)', () => {
    const raw = readdirSync(CORPUS_DIR)
      .filter((name) => name.endsWith('.json'))
      .reduce(
        (sum, name) => sum + (JSON.parse(readFileSync(join(CORPUS_DIR, name), 'utf8')) as { contentTypes: unknown[] }).contentTypes.length,
        0,
      );
    expect(raw).toBeGreaterThanOrEqual(207);
    expect(types).toHaveLength(raw);
  });

  it.each(types)('$file $key', ({ def }) => {
    const text = formatContentTypeYaml(def, { schemaPath: '../schemas/content-type.schema.json', defaults: OPTIMIZELY_DEFAULTS });
    const parsed = parseContentTypeText(text, 'type.yaml', OPTIMIZELY_DEFAULTS);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.document?.kind).toBe('contentTypeFile');
    const back = parsed.document?.kind === 'contentTypeFile' ? parsed.document.contentType : undefined;
    expect(back).toEqual(def);
    expect(digest(back)).toBe(digest(def));
  });

  it('is deterministic: formatting the parsed result gives the same text', () => {
    for (const { def } of types) {
      const text = formatContentTypeYaml(def, { defaults: OPTIMIZELY_DEFAULTS });
      const parsed = parseContentTypeText(text, 'type.yaml', OPTIMIZELY_DEFAULTS).document;
      expect(parsed?.kind === 'contentTypeFile' && formatContentTypeYaml(parsed.contentType, { defaults: OPTIMIZELY_DEFAULTS })).toBe(text);
    }
  });
});

describe('formatPropertyGroupsYaml round trip', () => {
  const groups = corpus.flatMap((file) => file.propertyGroups);
  it('gives back the corpus property groups', () => {
    expect(groups.length).toBeGreaterThan(0);
    const parsed = parseContentTypeText(
      formatPropertyGroupsYaml(groups, { defaults: OPTIMIZELY_DEFAULTS }),
      'groups.yaml',
      OPTIMIZELY_DEFAULTS,
    );
    expect(parsed.diagnostics).toEqual([]);
    const back = parsed.document?.kind === 'propertyGroupsFile' ? parsed.document.propertyGroups : [];
    expect([...back].sort((a, b) => a.key.localeCompare(b.key))).toEqual([...groups].sort((a, b) => a.key.localeCompare(b.key)));
  });
});

describe('formatContentTypeYaml round trip over generated definitions', () => {
  /** A small deterministic generator (mulberry32) so failures reproduce. */
  function random(seed: number) {
    let state = seed;
    const next = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
    const maybe = <T>(value: () => T): T | undefined => (next() < 0.4 ? value() : undefined);
    return { next, pick, maybe };
  }
  const TEXTS = ['Title', 'a: b', '1', '007', 'yes', '', 'x y', 'Ünï', 'line\nbreak', '#tag', '3.5'];

  function generate(seed: number): ContentTypeDef {
    const { next, pick, maybe } = random(seed);
    const enumValues = (numeric: boolean): EnumValue[] =>
      Array.from({ length: 1 + Math.floor(next() * 4) }, (_, i) => {
        const value = numeric ? pick([i, i * 10, -i, 2.5 + i]) : pick(TEXTS) + String(i);
        return { value, displayName: next() < 0.5 ? String(value) : pick(TEXTS) };
      });
    const constraints = (type: PropertyType) => ({
      format: maybe(() => pick(['shortString', 'selectOne', 'LinkCollection'])),
      contentType: type === 'component' ? pick(['Hero', 'Button']) : undefined,
      minimum:
        type === 'integer' || type === 'float'
          ? maybe(() => pick([0, 1.5, -3]))
          : type === 'dateTime'
            ? maybe(() => '2020-01-01T00:00:00Z')
            : undefined,
      maximum: type === 'integer' ? maybe(() => 100) : undefined,
      enum: ['string', 'integer', 'float'].includes(type) ? maybe(() => enumValues(type !== 'string')) : undefined,
      minLength: type === 'string' ? maybe(() => 1) : undefined,
      maxLength: type === 'string' ? maybe(() => pick([10, 255])) : undefined,
      pattern: type === 'string' ? maybe(() => '^[a-z]+$') : undefined,
      allowedTypes: ['content', 'contentReference'].includes(type) ? maybe(() => [pick(['_image', 'Hero', 'Page'])]) : undefined,
      restrictedTypes: type === 'content' ? maybe(() => ['Footer']) : undefined,
      editorSettings: type === 'richText' ? maybe(() => ({ preset: pick(['minimal', 'expanded']), height: 3 })) : undefined,
    });
    const properties: Record<string, PropertyDef> = {};
    for (let i = 0; i < Math.floor(next() * 8); i++) {
      const type = pick(PROPERTY_TYPES);
      const itemType = pick(PROPERTY_TYPES.filter((t) => t !== 'array'));
      properties[`p${i}`] = {
        ...constraints(type),
        type,
        displayName: maybe(() => pick(TEXTS)),
        description: maybe(() => pick(TEXTS)),
        required: maybe(() => next() < 0.5),
        localized: maybe(() => next() < 0.5),
        group: maybe(() => pick(['SEO', 'Layout'])),
        sortOrder: maybe(() => pick([1, 2, -1, 0])),
        indexingType: maybe(() => pick(INDEXING_TYPES)),
        displayMode: maybe(() => pick(DISPLAY_MODES)),
        items: type === 'array' ? { ...constraints(itemType), type: itemType } : undefined,
        minItems: type === 'array' ? maybe(() => 1) : undefined,
        maxItems: type === 'array' ? maybe(() => 5) : undefined,
        imageDescriptor: type === 'binary' ? maybe(() => ({ width: 100, pregenerated: true })) : undefined,
      };
    }
    const isContract = next() < 0.1;
    return normalizeContentType(
      {
        key: `Type${seed}`,
        baseType: isContract ? null : pick(BASE_TYPES),
        isContract,
        displayName: next() < 0.3 ? `Type${seed}` : pick(TEXTS),
        description: maybe(() => pick(TEXTS)),
        sortOrder: maybe(() => pick([10, -5])),
        mayContainTypes: maybe(() => ['*', 'Page']),
        mediaFileExtensions: maybe(() => ['jpg', 'png']),
        compositionBehaviors: maybe(() => [pick(COMPOSITION_BEHAVIORS)]),
        contracts: maybe(() => ['Seo']),
        accessRights: maybe(() =>
          next() < 0.3 ? [] : [{ name: pick(['Editors', 'bot']), type: pick(['user', 'role', 'application'] as const) }],
        ),
        properties,
      },
      OPTIMIZELY_DEFAULTS,
    );
  }

  it('gives back every one of 500 generated definitions exactly', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const def = generate(seed);
      const parsed = parseContentTypeText(
        formatContentTypeYaml(def, { defaults: OPTIMIZELY_DEFAULTS }),
        `Type${seed}.yaml`,
        OPTIMIZELY_DEFAULTS,
      );
      expect([seed, parsed.diagnostics]).toEqual([seed, []]);
      expect([seed, parsed.document?.kind === 'contentTypeFile' && parsed.document.contentType]).toEqual([seed, def]);
    }
  });
});
