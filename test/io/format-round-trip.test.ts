import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digest } from '../../src/core/digest.js';
import { formatContentTypeYaml, formatPropertyGroupsYaml } from '../../src/io/yaml/format-content-type-yaml.js';
import { parseContentTypeText } from '../../src/io/yaml/parse-content-type-text.js';
import { CORPUS_DIR, loadCorpus } from './helpers/wire-to-canonical.js';

const corpus = loadCorpus();
const types = corpus.flatMap((file) => file.contentTypes.map((def) => ({ file: file.name, key: def.key, def })));

describe('formatContentTypeYaml → parseContentTypeText gives back exactly the canonical definition', () => {
  it('covers every type of every corpus file (the corpus README says 207; the files hold 208)', () => {
    const raw = readdirSync(CORPUS_DIR)
      .filter((name) => name.endsWith('.json'))
      .reduce((sum, name) => sum + (JSON.parse(readFileSync(join(CORPUS_DIR, name), 'utf8')) as { contentTypes: unknown[] }).contentTypes.length, 0);
    expect(raw).toBeGreaterThanOrEqual(207);
    expect(types).toHaveLength(raw);
  });

  it.each(types)('$file $key', ({ def }) => {
    const text = formatContentTypeYaml(def, { schemaPath: '../schemas/content-type.schema.json' });
    const parsed = parseContentTypeText(text, 'type.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.document?.kind).toBe('contentType');
    const back = parsed.document?.kind === 'contentType' ? parsed.document.contentType : undefined;
    expect(back).toEqual(def);
    expect(digest(back)).toBe(digest(def));
  });

  it('is deterministic: formatting the parsed result gives the same text', () => {
    for (const { def } of types) {
      const text = formatContentTypeYaml(def);
      const parsed = parseContentTypeText(text, 'type.yaml').document;
      expect(parsed?.kind === 'contentType' && formatContentTypeYaml(parsed.contentType)).toBe(text);
    }
  });
});

describe('formatPropertyGroupsYaml round trip', () => {
  const groups = corpus.flatMap((file) => file.propertyGroups);
  it('gives back the corpus property groups', () => {
    expect(groups.length).toBeGreaterThan(0);
    const parsed = parseContentTypeText(formatPropertyGroupsYaml(groups), 'groups.yaml');
    expect(parsed.diagnostics).toEqual([]);
    const back = parsed.document?.kind === 'propertyGroups' ? parsed.document.propertyGroups : [];
    expect([...back].sort((a, b) => a.key.localeCompare(b.key))).toEqual([...groups].sort((a, b) => a.key.localeCompare(b.key)));
  });
});
