/**
 * Client-side pacing: spaces requests at the rate the server allows, learned from its 429
 * answers, so that a long run sits at the limiter's floor instead of bouncing off it.
 *
 * The server's limit is never stated (Optimizely sends only `Retry-After`), so it is searched
 * for. Until the first 429 requests are not paced. After one, the retry's wait (`Retry-After`)
 * pauses every request, and the spacing between request starts is bracketed: a spacing answered 429 is
 * too tight (`tooFast`), one that carried a run of successes is enough (`enough`). The pacer runs
 * at `enough` and tries the midpoint now and then, until the bracket is narrower than 2%. A 429
 * at the spacing known to be enough (network jitter, or a limit that dropped because another client
 * shares it) starts the search again from 5% above it, widening by half on each further 429. Waiting is on timers, never a busy loop.
 */
export class RequestPacer {
  /** The spacing in force between request starts, in ms; 0 until the first 429. */
  private spacing = 0;
  /** Counts changes of `spacing`: a ticket from before the latest one says nothing about it, even if the value came back. */
  private setting = 0;
  private tooFast = 0;
  private enough = Number.POSITIVE_INFINITY;
  private streak = 0;
  private nextStartAt = 0;
  private pausedUntil = 0;
  /** Counts pauses: a caller whose slot was reserved before the latest one reserves again. */
  private reservations = 0;
  /** The end of the pacer's last wait: time has passed at least that far, whatever the clock says. */
  private waitedUntil = 0;

  constructor(
    private readonly clock: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /** The spacing in force, in ms, for logs and tests. */
  get spacingMs(): number {
    return this.spacing;
  }

  /**
   * Resolves when the next request may start: after any pause, and `spacing` after the start
   * before it. Each caller reserves its slot, so concurrent callers are spaced too. The ticket
   * says which spacing the request started under, for `succeeded` and `throttled`.
   */
  async acquire(): Promise<PaceTicket> {
    for (;;) {
      const now = this.now();
      const slot = Math.max(now, this.pausedUntil, this.nextStartAt);
      // The slot is placed by the spacing in force now; a wider one set while this caller sleeps does not move it.
      const ticket: PaceTicket = { setting: this.setting };
      this.nextStartAt = slot + this.spacing;
      if (slot <= now) return ticket;
      const reservedIn = this.reservations;
      await this.sleep(slot - now);
      this.waitedUntil = Math.max(this.waitedUntil, slot);
      // A pause imposed while this caller waited (another request's 429) cancels its slot: it takes a new one after the pause.
      if (reservedIn === this.reservations) return ticket;
    }
  }

  /** No request starts for `ms` from now (a retry's wait: `Retry-After`, or a backoff). */
  pause(ms: number): void {
    const until = this.now() + ms;
    if (until <= this.pausedUntil) return;
    this.pausedUntil = until;
    // Slots reserved before the pause were spaced by what was known then: they are given out again, from its end.
    this.nextStartAt = until;
    this.reservations += 1;
  }

  /** Any answer but a 429. Only a request started under the spacing in force says something about it. */
  succeeded(ticket: PaceTicket): void {
    if (this.spacing === 0 || ticket.setting !== this.setting) return;
    this.streak += 1;
    if (this.streak < CONFIRMING_RUN) return;
    this.enough = Math.min(this.enough, this.spacing);
    this.streak = 0;
    if (this.enough - this.tooFast > this.enough * PRECISION) this.setSpacing((this.tooFast + this.enough) / 2);
  }

  /**
   * A 429 with its `Retry-After`, in seconds: the spacing the request started under was too tight.
   * (The wait itself is `pause`.) A request started under an older spacing (one of several sent
   * together before the first 429 came back) says nothing about the current one.
   */
  throttled(retryAfterSeconds: number, ticket: PaceTicket): void {
    if (ticket.setting !== this.setting) return;
    if (this.spacing === 0) {
      // Retry-After is the time until one token, rounded up to whole seconds: start half a second under it.
      this.setSpacing(Math.max(MIN_SPACING_MS, Math.max(0, retryAfterSeconds) * 1000 - 500));
    } else if (this.spacing >= this.enough) {
      // At the spacing known to be enough: jitter on the way (a run a hair above the limit meets it
      // now and then), or the limit dropped. Search again from a little above; another 429 widens fast.
      this.tooFast = this.spacing;
      this.enough = Number.POSITIVE_INFINITY;
      this.setSpacing(this.spacing * MARGIN);
    } else {
      this.tooFast = Math.max(this.tooFast, this.spacing);
      this.setSpacing(Number.isFinite(this.enough) ? this.enough : this.spacing * WIDEN);
    }
    this.streak = 0;
  }

  private setSpacing(spacing: number): void {
    this.spacing = spacing;
    this.setting += 1;
  }

  private now(): number {
    return Math.max(this.clock(), this.waitedUntil);
  }
}

/** What `acquire` hands each request: which setting of the spacing it started under. */
export interface PaceTicket {
  readonly setting: number;
}

/** Successes in a row at one spacing before it counts as enough. */
const CONFIRMING_RUN = 4;
/** The search stops when the bracket is this narrow, relative to its top. */
const PRECISION = 0.02;
/** Widening of the spacing after a 429 while no spacing is known to be enough. */
const WIDEN = 1.5;
/** Widening after a 429 at the spacing known to be enough: the first step of a new search. */
const MARGIN = 1.05;
const MIN_SPACING_MS = 10;
