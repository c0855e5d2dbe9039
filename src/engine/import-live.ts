import { digest } from '../core/digest.js';
import type { ContentTypeDef, LiveContentType } from '../core/model.js';
import { KINDS } from '../core/resource-kinds.js';
import { UserError } from '../core/user-error.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { ResourceKind } from '../core/model.js';
import { unsafeKeyReason } from '../core/unsafe-key.js';
import { REMOTE_CODES } from '../io/diagnostic-codes.js';
import type { PlatformAdapter } from '../adapters/port.js';
import { createLockEntry, setLockEntry, type Lockfile } from '../io/lockfile/lockfile.js';
import { writeLockfile } from '../io/lockfile/write-lockfile.js';
import type { WrittenFile } from '../io/yaml/write-content-type-files.js';
import { writeContentTypeFiles } from '../io/yaml/write-content-type-files.js';
import { readLive } from './read-live.js';
import { CONTENT_TYPE_SCHEMA_PATH } from './schema-location.js';

export interface ImportLiveInput {
  adapter: PlatformAdapter;
  lock: Lockfile;
  /** Where the lockfile is written, recording what was imported as synced. */
  lockfilePath: string;
  targetName: string;
  /** Where the YAML goes. */
  dir: string;
  cwd: string;
  /** Only these keys (content types, property groups or display templates); all when absent. */
  only?: readonly string[];
  includeSystem: boolean;
  /** Definitions already in YAML, by key: a differing one is only overwritten with `overwrite`. */
  existing: ReadonlyMap<string, ContentTypeDef>;
  overwrite: boolean;
  actor: string;
  now: string;
}

export interface ImportLiveResult {
  files: WrittenFile[];
  contentTypes: string[];
  propertyGroups: string[];
  displayTemplates: string[];
  /** System types written on request: the planner will refuse to manage them. */
  systemTypes: string[];
  lock: Lockfile;
}

/**
 * Adopts what the CMS holds: writes YAML for its content types, property groups and display templates and records
 * them in the lockfile (written here) as synced, so the next plan is empty. Platform-owned (system) types are
 * left out unless asked for.
 */
export async function importLive(input: ImportLiveInput): Promise<ImportLiveResult> {
  const live = await readLive(input.adapter);
  const wanted = input.only ? new Set(input.only) : undefined;
  const known = new Set([...live.contentTypes, ...live.propertyGroups, ...live.displayTemplates].map((resource) => resource.def.key));
  const unknown = [...(wanted ?? [])].filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new UserError(
      `Not on the target: ${unknown.join(', ')}`,
      `--only names keys the CMS does not have. The target has: ${[...known].sort().join(', ') || '(nothing)'}. Fix the list.`,
    );
  }
  const types = live.contentTypes.filter((type) => (!wanted || wanted.has(type.def.key)) && (input.includeSystem || !type.readOnly));
  const builtInGroups = KINDS.propertyGroup.builtIn(input.adapter.profile);
  const groups = live.propertyGroups.filter(
    (group) => (!wanted || wanted.has(group.def.key)) && !group.readOnly && !builtInGroups.includes(group.def.key),
  );
  const templates = live.displayTemplates.filter((template) => (!wanted || wanted.has(template.def.key)) && !template.readOnly);

  refuseUnsafeKeys([
    ...types.map((type) => ({ kind: 'contentType' as const, key: type.def.key })),
    ...groups.map((group) => ({ kind: 'propertyGroup' as const, key: group.def.key })),
    ...templates.map((template) => ({ kind: 'displayTemplate' as const, key: template.def.key })),
  ]);

  const clobbered = types.filter((type) => {
    const current = input.existing.get(type.def.key);
    return current !== undefined && digest(current) !== digest(type.def);
  });
  if (clobbered.length > 0 && !input.overwrite) {
    throw new UserError(
      'Import would overwrite YAML edits',
      `The YAML of ${clobbered.map((type) => type.def.key).join(', ')} differs from the CMS. Nothing was written. Run \`catalyst plan\` to see the differences, or import again with --overwrite to replace the YAML with what the CMS holds.`,
    );
  }

  const files = await writeContentTypeFiles(
    input.dir,
    types.map((type) => type.def),
    {
      cwd: input.cwd,
      propertyGroups: groups.map((group) => group.def),
      displayTemplates: templates.map((template) => template.def),
      schema: CONTENT_TYPE_SCHEMA_PATH,
      defaults: input.adapter.profile.defaults,
      headerComments: (def) => [
        `Imported from the CMS (target ${input.targetName}) by catalyst on ${input.now.slice(0, 10)}.`,
        ...(isSystem(types, def.key) ? ['A platform (system) type: read-only, catalyst will not manage it.'] : []),
      ],
    },
  );
  let lock = input.lock;
  const synced = { at: input.now, by: input.actor };
  for (const type of types.filter((type) => !type.readOnly))
    lock = setLockEntry(lock, input.targetName, 'contentType', type.def.key, createLockEntry(type.def, type.version, synced));
  for (const group of groups)
    lock = setLockEntry(lock, input.targetName, 'propertyGroup', group.def.key, createLockEntry(group.def, group.version, synced));
  for (const template of templates)
    lock = setLockEntry(
      lock,
      input.targetName,
      'displayTemplate',
      template.def.key,
      createLockEntry(template.def, template.version, synced),
    );
  await writeLockfile(input.lockfilePath, lock);
  return {
    files,
    contentTypes: types.map((type) => type.def.key),
    propertyGroups: groups.map((group) => group.def.key),
    displayTemplates: templates.map((template) => template.def.key),
    systemTypes: types.filter((type) => type.readOnly).map((type) => type.def.key),
    lock,
  };
}

/**
 * Keys become file names and lockfile entries: a key from the CMS that breaks the rules of YAML
 * keys (`../victim`, `__proto__`) stops the import before anything is written, each named with why.
 */
function refuseUnsafeKeys(resources: ReadonlyArray<{ kind: ResourceKind; key: string }>): void {
  const diagnostics: Diagnostic[] = resources.flatMap(({ kind, key }) => {
    const reason = unsafeKeyReason(key);
    if (reason === undefined) return [];
    return [
      {
        code: REMOTE_CODES.unsafeKey,
        severity: 'error' as const,
        summary: `Unsafe ${KINDS[kind].label} key ${JSON.stringify(key)} from the CMS`,
        detail: `${reason}. It was not written. Rename it in the CMS, or import the rest with --only.`,
        resource: { kind, key },
      },
    ];
  });
  if (diagnostics.length === 0) return;
  throw new UserError(
    'The CMS has keys catalyst cannot write',
    `${diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.summary}: ${diagnostic.detail}`).join(' ')} Nothing was written: keys follow the rules of YAML keys, so that no key names a file outside the content types directory.`,
    diagnostics,
  );
}

function isSystem(types: readonly LiveContentType[], key: string): boolean {
  return types.some((type) => type.def.key === key && type.readOnly);
}
