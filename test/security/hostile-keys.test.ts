import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CMS_USER, type RunningEmulator } from '../../src/emulator/index.js';
import { createLockEntry, emptyLockfile, lockedTarget, setLockEntry } from '../../src/io/lockfile/lockfile.js';
import { parseLockfileText } from '../../src/io/lockfile/read-lockfile.js';
import { serializeLockfile } from '../../src/io/lockfile/write-lockfile.js';
import { canonicalJson } from '../../src/core/canonical-json.js';
import { unsafeKeyReason } from '../../src/core/unsafe-key.js';
import { startScenarioEmulator } from '../scenarios/helpers/scenario-cms.js';
import { ScenarioProject } from '../scenarios/helpers/scenario-project.js';

/** Keys a hostile or broken CMS may hand out: each would name a file outside the project, or vanish from a plain-object map. */
const HOSTILE = ['../victim', '../.github/workflows/deploy', '__proto__', 'a/../../b', '..', 'Ok\\..\\x'];

describe('keys from the CMS never name files outside the project', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;

  beforeEach(async () => {
    emulator = await startScenarioEmulator();
    project = await ScenarioProject.create({ apiUrl: emulator.url });
    emulator.store.contentTypes.create({ key: 'Article', displayName: 'Article', baseType: '_page', properties: {} }, { actor: CMS_USER });
  });

  afterEach(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  async function files(): Promise<string[]> {
    return (await readdir(project.dir, { recursive: true })).map(String).sort();
  }

  it.each(HOSTILE)('refuses to import the key %j, naming it and why, and writes nothing', async (key) => {
    emulator.store.contentTypes.create({ key, displayName: 'Hostile', baseType: '_page', properties: {} } as never, { actor: CMS_USER });
    const before = await files();
    const lockBefore = await project.lockText();
    const result = await project.runInProcess(['import', 'optimizely']);
    expect(result.stderr).toContain('Error: The CMS has keys catalyst cannot write');
    expect(result.stderr).toContain(`R001 Unsafe content type key ${JSON.stringify(key)} from the CMS`);
    expect(result.stderr).not.toContain('Internal error');
    expect(result.code).toBe(1);
    expect(await files()).toEqual(before);
    expect(await project.lockText()).toBe(lockBefore);
  });

  it('imports the rest with --only', async () => {
    emulator.store.contentTypes.create({ key: '../victim', displayName: 'Hostile', baseType: '_page', properties: {} } as never, {
      actor: CMS_USER,
    });
    const result = await project.runInProcess(['import', 'optimizely', '--only', 'Article']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await files()).toContain('content-types/Article.yaml');
    expect((await files()).some((name) => name.includes('victim'))).toBe(false);
  });
});

describe('__proto__-like keys never vanish from a map', () => {
  const keys = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'Plain'];

  it('keeps every key through the lockfile: set, serialize, parse, read back', () => {
    let lock = emptyLockfile();
    for (const key of keys) {
      const def = { key, baseType: '_page', displayName: key, properties: {} } as never;
      lock = setLockEntry(lock, 'cms', 'contentType', key, createLockEntry(def, {}, { at: '2026-01-01T00:00:00Z', by: 'test' }));
    }
    expect(Object.keys(lockedTarget(lock, 'cms').contentTypes).sort()).toEqual([...keys].sort());
    const text = serializeLockfile(lock);
    for (const key of keys) expect(text).toContain(`"${key}": {`);
    const parsed = parseLockfileText(text, 'catalyst.lock.json');
    expect(parsed.diagnostics).toEqual([]);
    expect(Object.keys(lockedTarget(parsed.lock!, 'cms').contentTypes).sort()).toEqual([...keys].sort());
  });

  it('keeps a __proto__ member in canonical JSON (and so in every digest)', () => {
    const value = JSON.parse('{"b": 1, "__proto__": {"x": 1}, "a": 2}') as unknown;
    expect(canonicalJson(value)).toBe('{"__proto__":{"x":1},"a":2,"b":1}');
  });

  it('explains why a key is unsafe', () => {
    expect(unsafeKeyReason('../victim')).toContain('names a path');
    expect(unsafeKeyReason('__proto__')).toContain('reserved');
    expect(unsafeKeyReason('Article')).toBeUndefined();
    expect(unsafeKeyReason('x'.repeat(256))).toContain('at most 255');
  });
});
