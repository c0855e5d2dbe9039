import { resolve } from 'node:path';
import * as core from '@actions/core';
import type { Plan } from '../../src/core/plan.js';
import { applyPlan, type ApplyResult } from '../../src/engine/apply-plan.js';
import { openTarget } from '../../src/engine/open-target.js';
import { PLATFORM_PROFILES } from '../../src/engine/platforms.js';
import { writePlannedYaml } from '../../src/engine/write-planned-yaml.js';
import { historyFileFor } from '../../src/io/audit/history-chain.js';
import type { Config, SelectedTarget } from '../../src/io/config/config.js';
import { loadConfig } from '../../src/io/config/load-config.js';
import { readLockfile } from '../../src/io/lockfile/read-lockfile.js';
import { renderDiagnostics } from '../../src/render/diagnostics-text.js';
import { plainStyle } from '../../src/render/style.js';
import type { ActionInputs } from './inputs.js';

/** Where the Action works: the project folder in the checkout, and a folder for saved plans. */
export interface Workspace {
  cwd: string;
  /** Saved plan files, for an artifact step. */
  dir: string;
}

export function workspace(inputs: ActionInputs): Workspace {
  const cwd = resolve(process.env['GITHUB_WORKSPACE'] ?? process.cwd(), inputs.workingDirectory);
  return { cwd, dir: resolve(process.env['RUNNER_TEMP'] ?? cwd, 'catalyst') };
}

export type SelectedTargets =
  | { ok: true; targets: Array<{ name: string; config?: Config; target?: SelectedTarget; problems: string }> }
  | { ok: false; problems: string };

/**
 * The targets a run covers (the input's, else every target in the config), each loaded with its
 * credentials, whose secret is masked in the log at once. A target that cannot be loaded comes
 * back without `target`, with its problems rendered.
 */
export async function selectTargets(inputs: ActionInputs, where: Workspace): Promise<SelectedTargets> {
  const env = process.env;
  const loaded = await loadConfig({ cwd: where.cwd, env, platforms: PLATFORM_PROFILES, requireTarget: false });
  if (!loaded.config) return { ok: false, problems: renderDiagnostics(loaded.diagnostics, plainStyle) };
  const names = inputs.target ? [inputs.target] : loaded.config.targets.map((target) => target.name);
  const targets = [];
  for (const name of names) {
    const selected = await loadConfig({ cwd: where.cwd, env, platforms: PLATFORM_PROFILES, targetName: name });
    if (selected.target) core.setSecret(selected.target.credentials.clientSecret.reveal());
    targets.push({
      name,
      ...(selected.config ? { config: selected.config } : {}),
      ...(selected.target ? { target: selected.target } : {}),
      problems: renderDiagnostics(selected.diagnostics, plainStyle),
    });
  }
  return { ok: true, targets };
}

/** Applies a plan made in the workspace, YAML first, recording in the workspace's lockfile and history. */
export async function applyInWorkspace(
  plan: Plan,
  config: Config,
  target: SelectedTarget,
  options: { cwd: string; allowDestructive: boolean; actor: string },
): Promise<ApplyResult> {
  const lock = await readLockfile(config.lockfilePath, { cwd: options.cwd });
  if (!lock.lock) throw new Error(`The lockfile could not be read:\n${renderDiagnostics(lock.diagnostics, plainStyle)}`);
  const opened = await openTarget(target);
  try {
    return await applyPlan({
      plan,
      adapter: opened.adapter,
      lock: lock.lock,
      lockfilePath: config.lockfilePath,
      historyFile: historyFileFor(config.lockfilePath, target.name),
      backupDir: resolve(config.rootDir, '.catalyst', 'backups'),
      targetName: target.name,
      batch: target.batch,
      actor: options.actor,
      actorSource: 'ci',
      now: () => new Date().toISOString(),
      allowDestructive: options.allowDestructive,
      writeYaml: (toWrite) => writePlannedYaml(toWrite, config, opened.adapter.profile),
    });
  } finally {
    await opened.close();
  }
}
