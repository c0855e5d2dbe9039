import { TrafficOptionError } from './traffic-option-error.js';
import type { FaultRule } from './types.js';

/** The `--fault` syntax, quoted in every parse error so that the fix is on screen. */
export const FAULT_SYNTAX =
  'expected [METHOD] [PATH=]FAULT[@NUMBERS][:PROBABILITY][xTIMES], where FAULT is a 5xx status, "reset" or "slow=MS", ' +
  'for example "503@3,7", "500:0.1", "reset@2", "slow=2000@1x1" or "PATCH /v1/contenttypes/*=503@1".';

const TARGET =
  /^\s*(?:(?<method>GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)(?:\s+(?<methodPath>\/[^\s=]*))?|(?<path>\/[^\s=]*))\s*=\s*(?<fault>.*)$/i;
const FAULT =
  /^(?:(?<status>\d+)|(?<reset>reset)|slow=(?<delay>\d+))(?:@(?<numbers>[^:x]+))?(?::(?<probability>[^x]+))?(?:x(?<times>.+))?$/i;
const NUMBERS_ITEM = /^(\d+)(?:-(\d+))?$/;
const PROBABILITY = /^(?:0|1|0?\.\d+|1\.0*)$/;
const WHOLE = /^\d+$/;
/** Ranges are expanded; a bound keeps a typo like '1-1000000000' from allocating a huge list. */
const MAX_RANGE = 10_000;

/**
 * Parses `--fault` (repeatable; rules apply in order):
 *
 *     [METHOD] [PATH=]FAULT[@NUMBERS][:PROBABILITY][xTIMES]
 *
 * - METHOD: GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS; PATH: a segment prefix or a glob
 *   ('*' within a segment, '**' across). Either may be given alone; both absent = every request.
 * - FAULT: a status 500-599 (answered with a ProblemDetails body), `reset` (the socket is
 *   destroyed, no response) or `slow=MS` (the request is delayed MS milliseconds, then proceeds).
 * - @NUMBERS: 1-based numbers of the requests this rule matches, e.g. `@3,7` or `@2-4`.
 * - :PROBABILITY: 0..1, drawn per matching request, e.g. `:0.1`.
 * - xTIMES: fire at most TIMES times, e.g. `x2`.
 *
 * Examples: '503@3,7', '500:0.1', 'reset@2', 'slow=2000@1', 'PATCH /v1/contenttypes/*=503@1'.
 */
export function parseFault(text: string): FaultRule {
  const target = TARGET.exec(text);
  const method = target?.groups?.method?.toUpperCase();
  const path = target?.groups?.methodPath ?? target?.groups?.path;
  const faultText = (target ? target.groups!.fault! : text).trim();
  const groups = FAULT.exec(faultText)?.groups;
  if (!groups) throw new TrafficOptionError('--fault', text, FAULT_SYNTAX);

  const match = {
    ...(method === undefined ? {} : { method }),
    ...(path === undefined ? {} : { path }),
    ...(groups.numbers === undefined ? {} : { requestNumbers: parseNumbers(text, groups.numbers) }),
    ...(groups.probability === undefined ? {} : { probability: parseProbability(text, groups.probability) }),
    ...(groups.times === undefined ? {} : { times: parseTimes(text, groups.times) }),
  };
  if (groups.reset !== undefined) return { kind: 'reset', ...match };
  if (groups.delay !== undefined) return { kind: 'slow', delayMs: Number(groups.delay), ...match };
  const status = Number(groups.status);
  if (status < 500 || status > 599) {
    throw new TrafficOptionError(
      '--fault',
      text,
      `status ${groups.status} is not a 5xx; scripted statuses are 500-599 (429s come from --rate-limit).`,
    );
  }
  return { kind: 'status', status, ...match };
}

function parseNumbers(text: string, numbers: string): number[] {
  const result: number[] = [];
  for (const item of numbers.split(',')) {
    const bounds = NUMBERS_ITEM.exec(item.trim());
    const from = Number(bounds?.[1]);
    const to = bounds?.[2] === undefined ? from : Number(bounds[2]);
    if (!bounds || from < 1 || to < from || to - from >= MAX_RANGE) {
      throw new TrafficOptionError(
        '--fault',
        text,
        `request numbers "${numbers}" must be 1-based whole numbers or ascending ranges of at most ${MAX_RANGE}, ` +
          'comma separated, for example "@3,7" or "@2-4".',
      );
    }
    for (let n = from; n <= to; n += 1) result.push(n);
  }
  return [...new Set(result)].sort((a, b) => a - b);
}

function parseProbability(text: string, probability: string): number {
  if (!PROBABILITY.test(probability.trim())) {
    throw new TrafficOptionError(
      '--fault',
      text,
      `probability "${probability}" must be a decimal from 0 to 1, for example ":0.1" for one request in ten.`,
    );
  }
  return Number(probability);
}

function parseTimes(text: string, times: string): number {
  if (!WHOLE.test(times.trim()) || Number(times) < 1) {
    throw new TrafficOptionError('--fault', text, `times "${times}" must be a whole number of at least 1, for example "x2".`);
  }
  return Number(times);
}
