import type { CliContext } from './cli-context.js';

/**
 * Ctrl-C during apply, as Terraform does it: the first interrupt lets the step under way finish
 * and be recorded, then stops before the next; a second one exits at once (the lockfile still
 * holds every step that completed).
 */
export function stopOnInterrupt(context: CliContext): { signal: AbortSignal; beforeExit(record: () => void): void; dispose(): void } {
  const controller = new AbortController();
  let record: (() => void) | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      context.stderr.write('\nStopping now.\n');
      record?.();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
    controller.abort();
    context.progress.done('\nInterrupt received: finishing the current step, then stopping. Interrupt again to stop at once.');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    beforeExit: (recordNow) => {
      record = recordNow;
    },
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
