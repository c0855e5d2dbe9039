/**
 * A traffic option (a CLI flag or an in-process option) that cannot be used. Bad input, so the
 * message names the option, quotes the value and says what would be accepted.
 */
export class TrafficOptionError extends Error {
  /** The flag or option name, e.g. '--rate-limit' or 'faults[1].probability'. */
  readonly option: string;
  readonly value: unknown;

  constructor(option: string, value: unknown, expected: string) {
    super(`Invalid ${option} ${quote(value)}: ${expected}`);
    this.name = 'TrafficOptionError';
    this.option = option;
    this.value = value;
  }
}

function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
}
