import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { DisplayTemplateDef } from '../../src/core/model.js';
import { formatDisplayTemplatesYaml } from '../../src/io/yaml/format-content-type-yaml.js';
import { parseContentTypeFiles } from '../../src/io/yaml/parse-content-type-files.js';
import { parseContentTypeText } from '../../src/io/yaml/parse-content-type-text.js';
import { writeContentTypeFiles } from '../../src/io/yaml/write-content-type-files.js';

const TEMPLATES = `displayTemplates:
  - key: CardStyle
    displayName: Card style
    baseType: component
    isDefault: true
    settings:
      tone:
        displayName: Tone
        editor: select
        choices:
          light: { displayName: Light, sortOrder: 1 }
          dark: { displayName: Dark, sortOrder: 2 }
  - key: RowLayout
    displayName: Row layout
    nodeType: row
    isDefault: false
`;

function lines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.code} ${d.summary}`);
}

function templatesOf(text: string): DisplayTemplateDef[] {
  const result = parseContentTypeText(text, 'display-templates.yaml', OPTIMIZELY_DEFAULTS);
  if (result.document?.kind !== 'displayTemplatesFile') throw new Error(`not a templates document: ${JSON.stringify(result.diagnostics)}`);
  return result.document.displayTemplates;
}

describe('display templates in YAML', () => {
  it('reads a `displayTemplates:` list into canonical definitions: the base type spelled with its underscore, `isDefault: false` dropped', () => {
    expect(templatesOf(TEMPLATES)).toEqual([
      {
        key: 'CardStyle',
        displayName: 'Card style',
        baseType: '_component',
        isDefault: true,
        settings: {
          tone: {
            displayName: 'Tone',
            editor: 'select',
            choices: { dark: { displayName: 'Dark', sortOrder: 2 }, light: { displayName: 'Light', sortOrder: 1 } },
          },
        },
      },
      { key: 'RowLayout', displayName: 'Row layout', nodeType: 'row' },
    ]);
  });

  it('writes them back so that they read the same', () => {
    const templates = templatesOf(TEMPLATES);
    const text = formatDisplayTemplatesYaml(templates, {});
    expect(text).toContain('displayTemplates:');
    expect(templatesOf(text)).toEqual(templates);
  });

  it('refuses a template that targets two things, and an unknown member, at the line where it is written', () => {
    const result = parseContentTypeText(
      'displayTemplates:\n  - key: Both\n    displayName: Both\n    nodeType: row\n    contentType: ArticlePage\n  - key: Typo\n    displayName: Typo\n    setings: {}\n',
      'bad.yaml',
      OPTIMIZELY_DEFAULTS,
    );
    expect(result.document).toBeUndefined();
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain('Y006');
    expect(result.diagnostics.some((diagnostic) => diagnostic.location?.line === 8)).toBe(true);
    expect(result.diagnostics.some((diagnostic) => diagnostic.code === 'Y007' && diagnostic.location?.line === 2)).toBe(true);
  });

  it('a file holds one kind of document: templates next to a content type are refused with the fix', () => {
    const result = parseContentTypeText(
      'key: Article\nbaseType: _page\ndisplayName: Article\ndisplayTemplates: []\n',
      'Article.yaml',
      OPTIMIZELY_DEFAULTS,
    );
    expect(lines(result.diagnostics)).toEqual(['Article.yaml:4:1 Y006 Display templates go in a file of their own']);
  });

  describe('across files', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'catalyst-templates-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('a key defined in two files is one error, at the later definition, naming the first (Y016)', async () => {
      await writeFile(join(dir, 'a.yaml'), 'displayTemplates:\n  - { key: Wide, displayName: Wide }\n');
      await writeFile(
        join(dir, 'b.yaml'),
        'displayTemplates:\n  - { key: Narrow, displayName: Narrow }\n  - { key: Wide, displayName: Wide again }\n',
      );
      const { diagnostics } = await parseContentTypeFiles('.', { cwd: dir, defaults: OPTIMIZELY_DEFAULTS });
      expect(lines(diagnostics)).toEqual(['b.yaml:3:12 Y016 Duplicate display template key "Wide"']);
      expect(diagnostics[0]!.detail).toContain('is already defined at a.yaml:2:12');
    });

    it('are written into the file that holds them, new ones into display-templates.yaml', async () => {
      await writeFile(join(dir, 'layout.yaml'), 'displayTemplates:\n  - { key: Wide, displayName: Wide }\n');
      const written = await writeContentTypeFiles(dir, [], {
        cwd: dir,
        defaults: OPTIMIZELY_DEFAULTS,
        displayTemplates: [
          { key: 'Wide', displayName: 'Wide (edited)' },
          { key: 'Narrow', displayName: 'Narrow' },
        ],
      });
      expect(written.map((file) => [file.kind, file.keys, file.path.slice(dir.length + 1), file.status])).toEqual([
        ['displayTemplatesFile', ['Wide', 'Narrow'], 'layout.yaml', 'updated'],
      ]);
      const { documents } = await parseContentTypeFiles('.', { cwd: dir, defaults: OPTIMIZELY_DEFAULTS });
      expect(
        documents.flatMap((document) =>
          document.kind === 'displayTemplatesFile' ? document.displayTemplates.map((template) => template.displayName) : [],
        ),
      ).toEqual(['Narrow', 'Wide (edited)']);
    });

    it('without a templates file, they go to display-templates.yaml', async () => {
      const written = await writeContentTypeFiles(dir, [], {
        cwd: dir,
        defaults: OPTIMIZELY_DEFAULTS,
        displayTemplates: [{ key: 'Wide', displayName: 'Wide' }],
      });
      expect(written.map((file) => file.path.slice(dir.length + 1))).toEqual(['display-templates.yaml']);
    });
  });
});
