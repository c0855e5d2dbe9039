import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { checkChain, historyFileFor, isStep, type ChainedRecord } from '../../io/audit/history-chain.js';
import { UserError } from '../../core/user-error.js';
import { createCliContext, loadLock, loadProject, PROJECT_OPTIONS, type CliContext } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';
import type { Config } from '../../io/config/config.js';

/**
 * `catalyst history [verify]`: the runs recorded in a target's history (who, when, what), and a
 * check of its hash chain that exits non-zero when a record was edited, removed or reordered.
 */
export const historyCommand = defineCommand({
  command: 'history [action]',
  describe: 'List the runs recorded for a target, or `history verify`: check that nobody edited the history',
  builder: (yargs) =>
    yargs
      .positional('action', { type: 'string', choices: ['list', 'verify'] as const, default: 'list', describe: 'list (default) or verify' })
      .options({ ...PROJECT_OPTIONS, json: { type: 'boolean', default: false, describe: 'Print the runs (or the check) as JSON' } }),
  run: async (args) => {
    const context = createCliContext(args);
    const { config } = await loadProject(context, args);
    const target = targetName(config, args.target);
    const path = historyFileFor(config.lockfilePath, target);
    const shown = relative(context.cwd, path) || path;
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const head = (await loadLock(context, config)).targets?.[target]?.historyHead;
    const { records, problems } = checkChain(text, head);
    if (args.action === 'verify') {
      if (args.json) context.stdout.write(`${JSON.stringify({ target, file: shown, records: records.length, problems }, null, 2)}\n`);
      if (problems.length > 0) {
        if (!args.json) for (const { line, problem } of problems) context.stderr.write(`${shown}:${line}: ${problem}\n`);
        throw new UserError(
          `The history of target ${target} was tampered with`,
          `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${shown} (listed above). The history is append-only and hash-chained: restore it from version control (git log -p -- ${shown}) and find out who changed it.`,
        );
      }
      if (!args.json)
        context.stdout.write(
          `${shown}: ${records.length} records, the chain is intact${head ? ' and ends where the lockfile says' : ''}.\n`,
        );
      return EXIT.ok;
    }
    writeRuns(context, runsOf(records), args.json, shown);
    if (problems.length > 0) context.stderr.write(`Warning: ${shown} fails its check; run \`catalyst history verify\`.\n`);
    return EXIT.ok;
  },
});

interface Run {
  run: string;
  at: string;
  actor: string;
  actorSource?: string;
  plan?: string;
  actions: Record<string, number>;
  resources: string[];
}

function runsOf(records: readonly ChainedRecord[]): Run[] {
  const runs = new Map<string, Run>();
  for (const record of records) {
    const run = runs.get(record.run) ?? {
      run: record.run,
      at: record.at,
      actor: record.actor,
      ...(record.actorSource ? { actorSource: record.actorSource } : {}),
      ...(record.plan ? { plan: record.plan } : {}),
      actions: {},
      resources: [],
    };
    run.actions[record.action] = (run.actions[record.action] ?? 0) + 1;
    run.resources.push(isStep(record) ? `${record.action} ${record.kind} ${record.key}` : `denied ${record.operation}: ${record.rule}`);
    runs.set(record.run, run);
  }
  return [...runs.values()];
}

function writeRuns(context: CliContext, runs: Run[], json: boolean, file: string): void {
  if (json) {
    context.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
    return;
  }
  if (runs.length === 0) {
    context.stdout.write(`No runs recorded in ${file}.\n`);
    return;
  }
  for (const run of runs) {
    const counts = run.actions['denied']
      ? run.resources.filter((line) => line.startsWith('denied '))
      : Object.entries(run.actions).map(([action, count]) => `${count} ${action}`);
    const declared = run.actorSource === 'declared' ? ' (self-declared)' : '';
    context.stdout.write(`${run.at}  ${run.actor}${declared}  ${counts.join(', ')}  run ${run.run}\n`);
  }
}

function targetName(config: Config, named: string | undefined): string {
  const target = named ?? config.defaultTarget ?? (config.targets.length === 1 ? config.targets[0]!.name : undefined);
  if (target === undefined)
    throw new UserError('Which target?', `The config has targets ${config.targets.map((t) => t.name).join(', ')}; name one with --target.`);
  return target;
}
