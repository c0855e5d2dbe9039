import type { FaultRule } from './types.js';

/** Renders a rule in the `--fault` syntax; parseFault(formatFault(rule)) gives the rule back. */
export function formatFault(rule: FaultRule): string {
  const target = [rule.method, rule.path].filter((part) => part !== undefined).join(' ');
  const numbers = rule.requestNumbers === undefined ? '' : `@${rule.requestNumbers.join(',')}`;
  const probability = rule.probability === undefined ? '' : `:${rule.probability}`;
  const times = rule.times === undefined ? '' : `x${rule.times}`;
  return `${target === '' ? '' : `${target}=`}${faultText(rule)}${numbers}${probability}${times}`;
}

function faultText(rule: FaultRule): string {
  switch (rule.kind) {
    case 'status':
      return String(rule.status);
    case 'reset':
      return 'reset';
    case 'slow':
      return `slow=${rule.delayMs}`;
    default: {
      const unknown: never = rule;
      throw new Error(`Internal error: unknown fault kind in ${JSON.stringify(unknown)}; this is a bug in catalyst.`);
    }
  }
}
