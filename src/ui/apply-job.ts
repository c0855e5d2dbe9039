import { randomUUID } from 'node:crypto';

type Listener = (id: number, event: string, data: unknown) => void;

/**
 * An apply started from the dashboard: the events it has sent (replayed to every subscriber, so
 * a page that connects late or reconnects sees the whole run), and the AbortSignal its Stop
 * button pulls, as Ctrl-C does in the CLI.
 */
export class ApplyJob {
  readonly id = randomUUID();
  private readonly events: Array<{ event: string; data: unknown }> = [];
  private readonly listeners = new Set<Listener>();
  private readonly controller = new AbortController();
  private ended = false;

  constructor(readonly target: string) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get finished(): boolean {
    return this.ended;
  }

  /** Asks the run to stop after the step under way; true when it was still running. */
  stop(): boolean {
    if (this.ended) return false;
    this.controller.abort();
    return true;
  }

  emit(event: string, data: unknown): void {
    if (this.ended) return;
    this.events.push({ event, data });
    for (const listener of this.listeners) listener(this.events.length, event, data);
  }

  /** The last event: `end`, with how the run ended. Nothing is sent after it. */
  finish(data: unknown): void {
    this.emit('end', data);
    this.ended = true;
    this.listeners.clear();
  }

  /** Sends `listener` every event so far, then each new one; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.events.forEach(({ event, data }, index) => listener(index + 1, event, data));
    if (!this.ended) this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** How many finished applies the dashboard keeps (their pages can still replay them); older ones are forgotten. */
export const KEPT_FINISHED_JOBS = 20;

/** Forgets the oldest finished applies beyond KEPT_FINISHED_JOBS (the map is in start order); running ones stay. */
export function forgetOldJobs(jobs: Map<string, ApplyJob>): void {
  const finished = [...jobs.values()].filter((job) => job.finished);
  for (const job of finished.slice(0, Math.max(0, finished.length - KEPT_FINISHED_JOBS))) jobs.delete(job.id);
}
