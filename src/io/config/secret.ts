const REDACTED = '[redacted]';

/**
 * A credential that never prints itself: `String(secret)`, `JSON.stringify` and `util.inspect`
 * all give `[redacted]`. Only `reveal()` gives the value, and only code that sends it to the
 * platform calls it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return REDACTED;
  }
}
