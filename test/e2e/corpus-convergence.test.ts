import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest } from '../../src/core/digest.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import type { ImportLiveResult } from '../../src/engine/import-live.js';
import { API_VERSIONS } from '../../src/io/config/config.js';
import {
  BUILT_IN_TYPES,
  corpusFileNames,
  loadCorpusFile,
  readCorpusFile,
  UNDEFINED_REFERENCES,
  undeclaredGroups,
} from './helpers/corpus.js';
import { expectedDefinition } from './helpers/expected-definition.js';
import { createProjectDir, formatDiagnostic, Project, removeProjectDir } from './helpers/project.js';
import { ADDED_PROPERTY, expectedChanges, makeEdit, pickEdit, updatedKeys } from './helpers/user-edit.js';

/**
 * The acceptance test: every file of the corpus of real content types loads into a fresh
 * emulator through the API dialect it is written in, imports into a new project, validates,
 * plans empty, and then takes a person's edit of the YAML (a type renamed and given a property,
 * a property removed), plans exactly that, applies it and converges. Each case has its own
 * emulator and temp directory, and runs once for each API version catalyst speaks.
 */
const CASES = corpusFileNames().flatMap((name) =>
  API_VERSIONS.map((apiVersion) => [`${name} through ${apiVersion}`, { name, apiVersion }] as const),
);

describe('the corpus', () => {
  it('gives a case for each of its 11 files and each API version', () => {
    expect(CASES).toHaveLength(11 * API_VERSIONS.length);
  });
});

describe.each(CASES)('%s', (_title, { name, apiVersion }) => {
  const file = readCorpusFile(name);
  let emulator: RunningEmulator;
  let dir: string;
  let project: Project;
  let imported: ImportLiveResult;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    await loadCorpusFile(emulator.url, file);
    dir = await createProjectDir(apiVersion);
    project = await Project.open(dir, emulator.url);
  });
  afterAll(async () => {
    await emulator?.close();
    if (dir) await removeProjectDir(dir);
  });

  it('imports every type, group and display template into YAML and the lockfile, losing nothing the API carries', async () => {
    imported = await project.import();
    expect(new Set(imported.contentTypes)).toEqual(new Set([...file.contentTypes.map((type) => type.key), ...BUILT_IN_TYPES]));
    expect(imported.systemTypes).toEqual([]);
    expect(new Set(imported.propertyGroups)).toEqual(new Set(file.propertyGroups.map((group) => group.key)));
    expect(new Set(imported.displayTemplates)).toEqual(new Set(file.displayTemplates.map((template) => template.key)));

    const desired = await project.desired();
    for (const raw of file.contentTypes.filter((type) => !BUILT_IN_TYPES.has(type.key))) {
      expect(desired.contentTypes.get(raw.key), raw.key).toEqual(expectedDefinition(raw, file.dialect, apiVersion));
    }
    const locked = (await project.lock()).targets?.[project.target.name]?.contentTypes ?? {};
    expect(Object.keys(locked).sort()).toEqual([...desired.contentTypes.keys()].sort());
    for (const [key, def] of desired.contentTypes) expect(locked[key]?.digest, key).toBe(digest(def));
  });

  it('imports YAML the target accepts: no errors; a warning only for each group or type the file names and nobody defines', async () => {
    const diagnostics = await project.check();
    const systemGroups = emulator.store.propertyGroups
      .list()
      .filter((stored) => stored.source !== '')
      .map((stored) => stored.doc.key);
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const named = (code: string) =>
      new Set(diagnostics.filter((diagnostic) => diagnostic.code === code).map((diagnostic) => /"([^"]+)"/.exec(diagnostic.summary)?.[1]));
    expect(named('V015')).toEqual(new Set(undeclaredGroups(file, systemGroups)));
    expect(named('V016')).toEqual(new Set(UNDEFINED_REFERENCES[name] ?? []));
    expect(diagnostics.filter((diagnostic) => !['V015', 'V016'].includes(diagnostic.code)).map(formatDiagnostic)).toEqual([]);
  });

  it('plans nothing: no step, no drift, no blocker, no warning', async () => {
    const plan = await project.plan();
    expect(plan.steps).toEqual([]);
    expect(plan.drift).toEqual([]);
    expect(plan.blockers).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(plan.resources.filter((resource) => resource.action !== 'none' || resource.changes.length > 0)).toEqual([]);
    expect(plan.summary.statuses.in_sync).toBe(
      imported.contentTypes.length + imported.propertyGroups.length + imported.displayTemplates.length,
    );
  });

  it('plans exactly a person’s edit of the YAML, applies it, converges, and the CMS holds it', async () => {
    const edit = pickEdit(file.contentTypes, (await project.desired()).contentTypes);
    await makeEdit(edit, (key) => project.fileOf(key));
    const updated = updatedKeys(edit);

    const plan = await project.plan();
    expect(plan.blockers).toEqual([]);
    expect(plan.drift).toEqual([]);
    expect(plan.steps.map((step) => `${step.action} ${step.key}`).sort()).toEqual(updated.map((key) => `update ${key}`));
    expect(
      plan.resources.flatMap((resource) => resource.changes.map((change) => `${resource.key} ${change.op} ${change.path}`)).sort(),
    ).toEqual(expectedChanges(edit));
    expect(plan.requiresApproval.map((item) => `${item.key} ${item.path}`)).toEqual([`${edit.removedFrom} properties.${edit.removed}`]);

    const etags = () =>
      new Map(
        emulator.store.contentTypes
          .list()
          .filter((stored) => !updated.includes(stored.doc.key))
          .map((stored) => [stored.doc.key, stored.etag]),
      );
    const untouched = etags();
    const result = await project.apply(plan, { allowDestructive: true });
    expect(result.failed).toBeUndefined();
    expect(result.completed.map((outcome) => `${outcome.action} ${outcome.key}`).sort()).toEqual(updated.map((key) => `update ${key}`));

    const again = await project.plan();
    expect(again.steps).toEqual([]);
    expect(again.drift).toEqual([]);
    expect(again.resources.filter((resource) => resource.action !== 'none' || resource.changes.length > 0)).toEqual([]);

    const renamed = emulator.store.contentTypes.get(edit.renamed)!.doc;
    expect(renamed.displayName).toBe(edit.displayName);
    expect(renamed.properties[edit.added]).toEqual(ADDED_PROPERTY.definition);
    expect(Object.keys(emulator.store.contentTypes.get(edit.removedFrom)!.doc.properties)).not.toContain(edit.removed);
    expect(etags()).toEqual(untouched);
  });
});
