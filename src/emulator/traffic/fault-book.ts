import { formatFault } from './format-fault.js';
import { compilePathMatcher } from './path-matcher.js';
import { TrafficOptionError } from './traffic-option-error.js';
import type { FaultRule } from './types.js';

export type SlowFault = Extract<FaultRule, { kind: 'slow' }>;
export type TerminalFault = Extract<FaultRule, { kind: 'status' | 'reset' }>;

/** What the fault rules decided for one request: delays to apply, then at most one terminal fault. */
export interface FaultDecision {
  slow: SlowFault[];
  /** `text` is the rule in `--fault` syntax, for the response and for people reading logs. */
  terminal: { rule: TerminalFault; text: string } | undefined;
}

export const NO_FAULT: FaultDecision = Object.freeze({ slow: [], terminal: undefined });

interface RuleState {
  rule: FaultRule;
  text: string;
  matchesPath: (path: string) => boolean;
  wanted: ReadonlySet<number> | undefined;
  matched: number;
  fired: number;
}

/**
 * The fault rules and how many requests each has matched and fired on. Every rule whose method
 * and path match counts the request, so request numbers are per rule and do not depend on other
 * rules. In order, each slow rule that triggers adds its delay; the first status or reset rule
 * that triggers ends the request, and the terminal rules after it are not evaluated (they draw
 * no random number and spend none of their `times`).
 */
export class FaultBook {
  readonly #rules: RuleState[];

  constructor(rules: readonly FaultRule[]) {
    this.#rules = rules.map((rule, index) => {
      const checked = checkRule(rule, `faults[${index}]`);
      return {
        rule: checked,
        text: formatFault(checked),
        matchesPath: checked.path === undefined ? () => true : compilePathMatcher(checked.path),
        wanted: checked.requestNumbers === undefined ? undefined : new Set(checked.requestNumbers),
        matched: 0,
        fired: 0,
      };
    });
  }

  /** Called once per admitted request, synchronously at arrival, so numbering follows arrival order. */
  decide(method: string, path: string, random: () => number): FaultDecision {
    const decision: FaultDecision = { slow: [], terminal: undefined };
    for (const state of this.#rules) {
      const { rule } = state;
      if (rule.method !== undefined && rule.method.toUpperCase() !== method) continue;
      if (!state.matchesPath(path)) continue;
      state.matched += 1;
      if (rule.kind !== 'slow' && decision.terminal !== undefined) continue;
      if (!triggers(state, random)) continue;
      state.fired += 1;
      if (rule.kind === 'slow') {
        decision.slow.push(rule);
      } else {
        decision.terminal = { rule, text: state.text };
      }
    }
    return decision;
  }
}

function triggers(state: RuleState, random: () => number): boolean {
  const { rule } = state;
  if (rule.times !== undefined && state.fired >= rule.times) return false;
  if (state.wanted !== undefined && !state.wanted.has(state.matched)) return false;
  return rule.probability === undefined || random() < rule.probability;
}

/** In-process rules are not typed at run time: check each before the first request meets it. */
function checkRule(rule: FaultRule, name: string): FaultRule {
  const fail = (member: string, expected: string): never => {
    throw new TrafficOptionError(`${name}.${member}`, (rule as unknown as Record<string, unknown>)[member], expected);
  };
  if (rule.method !== undefined && !/^[A-Za-z]+$/.test(rule.method)) fail('method', 'expected an HTTP method such as "PATCH".');
  if (rule.path !== undefined && !rule.path.startsWith('/'))
    fail('path', 'expected a path that starts with "/", such as "/v1/contenttypes/*".');
  if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
    fail('probability', 'expected a number from 0 to 1, such as 0.1.');
  }
  if (rule.requestNumbers !== undefined && !rule.requestNumbers.every((n) => Number.isInteger(n) && n >= 1)) {
    fail('requestNumbers', 'expected 1-based whole numbers, such as [3, 7].');
  }
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 1)) {
    fail('times', 'expected a whole number of at least 1.');
  }
  switch (rule.kind) {
    case 'status':
      if (!(Number.isInteger(rule.status) && rule.status >= 500 && rule.status <= 599)) {
        fail('status', 'expected a status from 500 to 599 (429s come from the rate limit).');
      }
      return rule;
    case 'reset':
      return rule;
    case 'slow':
      if (!(Number.isFinite(rule.delayMs) && rule.delayMs >= 0)) fail('delayMs', 'expected non-negative milliseconds.');
      return rule;
    default: {
      const unknown: never = rule;
      return fail('kind', `expected "status", "reset" or "slow" in ${JSON.stringify(unknown)}.`);
    }
  }
}
