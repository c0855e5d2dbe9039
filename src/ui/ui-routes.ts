import { loadLock, loadProject, loadTargetedProject, withLockedProject, type CliContext, type ProjectArgs } from '../cli/cli-context.js';
import { makePlan } from '../cli/make-plan.js';
import { planRollback, rollbackFromHistory, rollbackTargetOf } from '../cli/plan-rollback.js';
import { resolveInProject } from '../cli/run-resolve.js';
import { authorizeRun } from '../cli/authorize-run.js';
import { withTarget } from '../cli/with-target.js';
import { changesDigest } from '../core/changes-digest.js';
import { hasChanges, type Plan } from '../core/plan.js';
import { KIND_TABLE } from '../core/resource-kinds.js';
import { RISK_CODES } from '../core/risk-codes.js';
import { forgetOldJobs, type ApplyJob } from './apply-job.js';
import { historyRuns } from './history-runs.js';
import { HttpError } from './http-error.js';
import { readHistory } from './read-history.js';
import { startApply, type ApplyRequest } from './start-apply.js';
import { targetStatus } from './target-status.js';

/** What a route gets: the matched path segments, the query, the JSON body, and a CLI context of its own. */
export interface RouteInput {
  params: string[];
  url: URL;
  body: Record<string, unknown>;
  context: CliContext;
}

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handle(input: RouteInput): Promise<{ status?: number; body: unknown }>;
}

export interface UiRoutesOptions {
  /** The project the server was started for: `--config`, when given. */
  project: ProjectArgs;
  jobs: Map<string, ApplyJob>;
  /** Receives each apply's whole run (it settles once the target's lock is released). */
  track: (run: Promise<void>) => void;
  report: (error: unknown) => void;
}

/**
 * The dashboard's JSON API, a thin shell over the helpers the CLI commands use: every answer is
 * what the matching command computes (the plan is the document `plan --json` prints).
 */
export function uiRoutes(options: UiRoutesOptions): Route[] {
  const { jobs, track, report } = options;
  /** The project args for a target named in the path; a name the config does not have is a 404. */
  const targetArgs = async (context: CliContext, name: string): Promise<ProjectArgs> => {
    const { config } = await loadProject(context, options.project);
    if (!config.targets.some((target) => target.name === name))
      throw new HttpError(404, `No target ${name}`, `The config has targets ${config.targets.map((target) => target.name).join(', ')}.`);
    return { ...options.project, target: name };
  };
  const planned = (plan: Plan) => ({ plan, changes: changesDigest(plan), hasChanges: hasChanges(plan) });
  return [
    {
      method: 'GET',
      pattern: /^\/api\/project$/,
      handle: async ({ context }) => {
        const { config } = await loadProject(context, options.project);
        return {
          body: {
            root: config.rootDir,
            defaultTarget: config.defaultTarget ?? null,
            targets: config.targets.map((target) => ({ name: target.name, platform: target.platform })),
            kinds: Object.fromEntries(KIND_TABLE.map(({ kind, label, plural }) => [kind, { label, plural }])),
            riskCodes: RISK_CODES,
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/targets\/([^/]+)\/status$/,
      handle: async ({ context, params }) => ({ body: await targetStatus(context, await targetArgs(context, params[0]!)) }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/targets\/([^/]+)\/plan$/,
      handle: async ({ context, params }) => {
        const { config, target, lock } = await loadTargetedProject(context, await targetArgs(context, params[0]!));
        await authorizeRun(context, config, target.name, 'plan', { lockHeld: false });
        const { plan } = await withTarget(context, target, (opened) => makePlan(context, { config, target }, lock, opened));
        return { body: planned(plan) };
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/targets\/([^/]+)\/resolve$/,
      handle: async ({ context, params, body }) => {
        const take = body.take;
        const conflict = body.conflict;
        if ((take !== 'yaml' && take !== 'cms') || typeof conflict !== 'string' || conflict === '')
          throw new HttpError(400, 'Bad resolve request', 'Send {"conflict": "Type.member", "take": "yaml" | "cms"}.');
        const args = await targetArgs(context, params[0]!);
        const result = await withLockedProject(context, args, 'resolve', async (project) => {
          await authorizeRun(context, project.config, project.target.name, 'resolve', { lockHeld: true });
          return resolveInProject(context, project, take, conflict);
        });
        const { config, target, lock } = await loadTargetedProject(context, args);
        const { plan } = await withTarget(context, target, (opened) => makePlan(context, { config, target }, lock, opened));
        return { body: { resolved: result.resolved, take, ...planned(plan) } };
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/targets\/([^/]+)\/history$/,
      handle: async ({ context, params }) => {
        const args = await targetArgs(context, params[0]!);
        const { config } = await loadProject(context, args);
        const lock = await loadLock(context, config);
        const { records, problems } = await readHistory(config, lock, params[0]!);
        return { body: { runs: historyRuns(records, lock, params[0]!), problems } };
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/targets\/([^/]+)\/rollback$/,
      handle: async ({ context, params, url }) => {
        const run = url.searchParams.get('run');
        if (run === null || run === '') throw new HttpError(400, 'Which run?', 'Add ?run=<run id> (the history lists them).');
        const { config, lock, ...loaded } = await loadTargetedProject(context, await targetArgs(context, params[0]!));
        const target = rollbackTargetOf(loaded.target);
        const back = await rollbackFromHistory(context, { config, target, lock }, run);
        const plan = await withTarget(context, target, (opened) => planRollback(context, { config, target, lock }, opened, back));
        // As `catalyst rollback --out`: even a preview needs the rollback grant.
        await authorizeRun(context, config, target.name, 'rollback', { plan, lockHeld: false });
        return { body: { runs: back.runs, ...planned(plan) } };
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/targets\/([^/]+)\/apply$/,
      handle: async ({ context, params, body }) => {
        const request = applyRequest(body);
        const args = await targetArgs(context, params[0]!);
        const job = await startApply(context, args, request, {
          register: (started) => {
            forgetOldJobs(jobs);
            jobs.set(started.id, started);
          },
          track,
          report,
        });
        return { status: 202, body: { job: job.id } };
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/jobs\/([^/]+)\/stop$/,
      handle: async ({ params }) => {
        const job = jobs.get(params[0]!);
        if (!job) throw new HttpError(404, 'No such apply', 'The apply may belong to an earlier run of `catalyst ui`.');
        return { status: 202, body: { stopping: job.stop() } };
      },
    },
  ];
}

function applyRequest(body: Record<string, unknown>): ApplyRequest {
  const { changes, confirm, approve } = body;
  const names = Array.isArray(approve) && approve.every((name) => typeof name === 'string') ? (approve as string[]) : undefined;
  if (typeof changes !== 'string' || (confirm !== undefined && typeof confirm !== 'string') || (approve !== undefined && !names))
    throw new HttpError(
      400,
      'Bad apply request',
      'Send {"changes": "<the plan’s changes digest>", "confirm": "<target name>", "approve": ["Type", "Type.property"]}.',
    );
  return { changes, ...(confirm !== undefined ? { confirm } : {}), ...(names ? { approve: names } : {}) };
}
