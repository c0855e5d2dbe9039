/**
 * The emulator's traffic layer: a token-bucket rate limit, added latency, scripted faults and
 * request counters, run as a middleware before the router. See README.md for the flag syntax.
 */
export { createTrafficControl, EMULATOR_CONTROL_PREFIX } from './traffic-control.js';
export { parseRateLimit } from './rate-limit.js';
export { parseLatency } from './latency.js';
export { parseFault, FAULT_SYNTAX } from './parse-fault.js';
export { formatFault } from './format-fault.js';
export { TrafficOptionError } from './traffic-option-error.js';
export type { FaultKind, FaultMatch, FaultRule, RateLimit, TrafficControl, TrafficCounters, TrafficDeps, TrafficOptions } from './types.js';
