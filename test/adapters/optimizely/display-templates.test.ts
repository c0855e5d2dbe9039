import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiVersion } from '../../../src/adapters/optimizely/index.js';
import { isAdapterError } from '../../../src/adapters/errors.js';
import type { DisplayTemplateDef } from '../../../src/core/model.js';
import { startHarness, type Harness } from './emulator-harness.js';

const wide: DisplayTemplateDef = {
  key: 'ArticleWide',
  displayName: 'Wide article',
  baseType: '_section',
  isDefault: true,
  settings: {
    width: {
      displayName: 'Width',
      editor: 'select',
      sortOrder: 1,
      choices: { full: { displayName: 'Full', sortOrder: 1 }, narrow: { displayName: 'Narrow', sortOrder: 2 } },
    },
    shadow: { displayName: 'Shadow', editor: 'checkbox' },
  },
};

describe.each<ApiVersion>(['v1', 'preview3'])('display templates through the port (%s)', (apiVersion) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ adapter: { apiVersion } });
  });
  afterAll(() => harness.close());

  it('creates, reads, lists, patches member by member and deletes', async () => {
    const port = harness.adapter.resources.displayTemplate;
    expect(await port.get('ArticleWide')).toBeNull();
    const created = await port.create(wide);
    expect(created.def).toEqual(wide);
    expect(created.version.etag).toMatch(/^".+"$/);
    expect(await port.get('ArticleWide')).toEqual(created);
    expect((await port.list()).map((template) => template.def.key)).toContain('ArticleWide');

    const next: DisplayTemplateDef = { ...wide, isDefault: undefined, settings: { width: wide.settings!.width! } };
    harness.emulator.traffic.reset();
    const updated = await port.update(wide, next, { precondition: created.version });
    expect(updated.def).toEqual(next);
    expect(harness.emulator.store.displayTemplates.get('ArticleWide')?.doc.settings).toEqual({ width: wide.settings!.width });
    expect(Object.keys(harness.emulator.traffic.counters().byRoute).filter((route) => route.startsWith('PATCH'))).toHaveLength(1);

    await port.delete('ArticleWide', { precondition: updated.version });
    expect(await port.get('ArticleWide')).toBeNull();
  });

  it('refuses a write whose precondition is stale, and changes nothing', async () => {
    const port = harness.adapter.resources.displayTemplate;
    const created = await port.create({ key: 'RowGap', displayName: 'Row gap', nodeType: 'row' });
    const stored = harness.emulator.store.displayTemplates.get('RowGap')!;
    harness.emulator.store.displayTemplates.replace({ ...stored.doc, displayName: 'Edited elsewhere' }, 'someone');
    const error = await port
      .update(created.def, { ...created.def, displayName: 'Row spacing' }, { precondition: created.version })
      .catch((caught: unknown) => caught);
    expect(isAdapterError(error) && error.kind).toBe('stale');
    expect(harness.emulator.store.displayTemplates.get('RowGap')?.doc.displayName).toBe('Edited elsewhere');
  });

  it('an update may not change the key', async () => {
    const port = harness.adapter.resources.displayTemplate;
    await expect(port.update({ key: 'A1', displayName: 'A' }, { key: 'B1', displayName: 'A' })).rejects.toThrow(/must keep the key/);
  });
});
