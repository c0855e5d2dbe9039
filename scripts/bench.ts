/**
 * `npm run bench`: speed and memory of catalyst's main paths, measured, not asserted.
 *
 *   1. the pure planner on synthetic states (CPU time, in process);
 *   2. the CLI: start-up, and a no-op `catalyst plan` over 10 to 5,000 YAML files (embedded emulator);
 *   3. a comparison, runs interleaved, each on a fresh emulator at 100 requests/minute and 100 ms
 *      latency: catalyst, a PoC-style per-type client and the official `@optimizely/cms-cli`.
 *
 * Flags: `--quick` leaves out the minute-long runs (the limiter without burst, 1,000 types);
 * `--runs N` repeats each comparison N times and reports medians (default 1); `--no-compare`
 * stops after part 2. Figures go to stdout as Markdown tables.
 */
import { OPTIMIZELY_PROFILE } from '../src/adapters/optimizely/profile.js';
import type { ContentTypeDef, PropertyDef } from '../src/core/model.js';
import { normalizeContentType } from '../src/core/normalize.js';
import { createPlan } from '../src/core/plan.js';
import { emptyBaseState, type BaseState } from '../src/core/state.js';
import { syncedProject, timeCli } from './bench/cli-scale.js';
import { measure, measureNoOpPlan, type Measured, type Tool, type Work } from './bench/compare.js';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const runs = Number(argv[argv.indexOf('--runs') + 1]) > 0 && argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 1;
const log = (text: string) => process.stderr.write(`  ${text}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function syntheticType(index: number, properties: number, variant = 0): ContentTypeDef {
  const props: Record<string, PropertyDef> = {};
  for (let p = 0; p < properties; p++) {
    const kind = p % 5;
    props[`field${p}`] =
      kind === 0
        ? { type: 'string', displayName: `Field ${p}${variant ? ' (v2)' : ''}`, maxLength: 200, localized: true }
        : kind === 1
          ? { type: 'richText', displayName: `Body ${p}` }
          : kind === 2
            ? { type: 'array', items: { type: 'string' }, displayName: `Tags ${p}` }
            : kind === 3
              ? { type: 'contentReference', allowedTypes: ['_image'], displayName: `Image ${p}` }
              : { type: 'integer', minimum: 0, maximum: 100, displayName: `Count ${p}` };
  }
  return normalizeContentType(
    { key: `Bench${index}`, baseType: '_component', displayName: `Bench ${index}`, properties: props },
    OPTIMIZELY_PROFILE.defaults,
  );
}

function plannerCpu(types: number, properties: number): string {
  const defs = Array.from({ length: types }, (_, i) => syntheticType(i, properties));
  const edited = defs.map((def, i) => (i % 10 === 0 ? syntheticType(i, properties, 1) : def));
  const base: BaseState = emptyBaseState();
  for (const def of defs) base.contentTypes[def.key] = { def, digest: '', version: {}, syncedAt: '', syncedBy: '' };
  const live = {
    contentTypes: defs.map((def) => ({ def, version: { etag: '"1"' }, readOnly: false })),
    propertyGroups: [],
    displayTemplates: [],
  };
  const cpu: number[] = [];
  for (let run = 0; run < 5; run++) {
    const before = process.cpuUsage();
    createPlan({
      desired: { contentTypes: edited.map((def) => ({ def })), propertyGroups: [], displayTemplates: [] },
      base,
      live,
      options: {
        now: '2026-01-01T00:00:00.000Z',
        target: { name: 'b', platform: 'optimizely', description: 'b' },
        rules: OPTIMIZELY_PROFILE,
      },
    });
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  return `${median(cpu).toFixed(0)} ms CPU (median of 5)`;
}

const sections: string[] = [];
const table = (title: string, head: string[], rows: string[][]) =>
  sections.push(
    `### ${title}\n\n| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|\n${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n`,
  );

process.stderr.write('catalyst benchmark\n');
const plannerRows = [
  ['createPlan, 1,000 types × 20 properties, 10% modified', plannerCpu(1000, 20)],
  ['createPlan, 5,000 types × 20 properties, 10% modified', plannerCpu(5000, 20)],
];
plannerRows.forEach((row) => log(row.join(': ')));
table('Planner (in process)', ['measure', 'figure'], plannerRows);

const cliRows: string[][] = [];
const versions = Array.from({ length: 5 }, () => timeCli(['--version'], process.cwd()));
cliRows.push([
  '`catalyst --version` (start-up)',
  `${median(versions.map((run) => run.seconds)).toFixed(2)} s`,
  `${median(versions.map((run) => run.maxRssMb ?? 0)).toFixed(0)} MB`,
]);
for (const types of quick ? [10, 100, 1000] : [10, 100, 1000, 5000]) {
  const project = await syncedProject(types, 20);
  try {
    const plans = Array.from({ length: 3 }, () => timeCli(['plan', '--detailed-exitcode'], project.dir));
    if (plans.some((run) => run.code !== 0)) throw new Error(`the no-op plan over ${types} types did not exit 0`);
    cliRows.push([
      `no-op \`catalyst plan\`, ${types} YAML files × 20 properties`,
      `${median(plans.map((run) => run.seconds)).toFixed(2)} s`,
      `${median(plans.map((run) => run.maxRssMb ?? 0)).toFixed(0)} MB`,
    ]);
  } finally {
    await project.dispose();
  }
  log(cliRows.at(-1)!.join(': '));
}
table('CLI, embedded emulator (no limiter; the emulator runs in the same process)', ['measure', 'wall', 'peak RSS'], cliRows);

if (!argv.includes('--no-compare')) {
  const works: Array<{ work: Work; tools: Tool[] }> = [
    {
      work: { name: '100 new types', types: 100, modify: false, rateLimit: '100/min' },
      tools: ['catalyst', 'PoC-style client', 'official cms-cli'],
    },
    {
      work: { name: '100 modified types', types: 100, modify: true, rateLimit: '100/min' },
      tools: ['catalyst', 'catalyst --no-batch', 'PoC-style client', 'official cms-cli'],
    },
  ];
  if (!quick) {
    works.push({
      work: { name: '100 new types, limiter without burst', types: 100, modify: false, rateLimit: '100/min,burst=1' },
      tools: ['catalyst', 'catalyst --no-batch', 'PoC-style client', 'official cms-cli'],
    });
  }
  const results = new Map<string, Measured[]>();
  for (let run = 0; run < runs; run++) {
    for (const { work, tools } of works) {
      for (const tool of tools) {
        const measured = await measure(tool, work);
        log(
          `${work.name}, ${tool}: ${measured.seconds.toFixed(1)} s, ${measured.requests} requests, ${measured.throttled} × 429${measured.ok ? '' : ', FAILED'}`,
        );
        results.set(`${work.name}|${tool}`, [...(results.get(`${work.name}|${tool}`) ?? []), measured]);
      }
    }
  }
  const rows: string[][] = [];
  for (const { work, tools } of works) {
    const ours = median(results.get(`${work.name}|catalyst`)!.map((m) => m.seconds));
    for (const tool of tools) {
      const all = results.get(`${work.name}|${tool}`)!;
      const seconds = median(all.map((m) => m.seconds));
      const requests = median(all.map((m) => m.requests));
      const throttled = median(all.map((m) => m.throttled));
      const floor = work.rateLimit.includes('burst=1')
        ? ` (${(seconds / ((requests - throttled) * 0.6)).toFixed(2)}× the limiter's floor)`
        : '';
      rows.push([
        work.name,
        tool,
        all.every((m) => m.ok) ? `${seconds.toFixed(1)} s${floor}` : `failed (${seconds.toFixed(1)} s)`,
        String(requests),
        String(throttled),
        tool === 'catalyst' ? '1' : `${(seconds / ours).toFixed(2)}×`,
      ]);
    }
  }
  const growth: string[][] = [];
  for (const types of quick ? [10, 100] : [10, 100, 1000]) {
    const measured = await measure('catalyst', { name: 'growth', types, modify: false, rateLimit: '100/min' });
    growth.push([
      `catalyst, ${types} new types`,
      `${measured.seconds.toFixed(1)} s`,
      String(measured.requests),
      String(measured.throttled),
    ]);
    log(growth.at(-1)!.join(': '));
  }
  for (const types of quick ? [100] : [100, 1000]) {
    const noop = await measureNoOpPlan(types, '100/min');
    growth.push([
      `catalyst, no-op plan over ${types} types`,
      `${noop.seconds.toFixed(2)} s, ${noop.maxRssMb?.toFixed(0) ?? '?'} MB RSS`,
      String(noop.requests),
      String(noop.throttled),
    ]);
    log(growth.at(-1)!.join(': '));
  }
  table(
    `Comparison at 100 requests/minute, 100 ms latency (median of ${runs}; time relative to catalyst)`,
    ['work', 'tool', 'time', 'requests', '429s', 'vs catalyst'],
    rows,
  );
  table('Growth (catalyst, same limiter)', ['work', 'time', 'requests', '429s'], growth);
}

process.stdout.write(`\n${sections.join('\n')}\nNode ${process.version}, ${process.platform}/${process.arch}.\n`);
