import type { AdapterEvent } from '../adapters/optimizely/index.js';
import type { SelectedTarget } from '../io/config/config.js';
import { openTarget, type OpenTarget } from '../engine/open-target.js';
import type { CliContext } from './cli-context.js';

/** Opens the target for the duration of `work`, reporting retries as progress, and always closes it. */
export async function withTarget<T>(context: CliContext, target: SelectedTarget, work: (opened: OpenTarget) => Promise<T>): Promise<T> {
  const opened = await openTarget(target, { onEvent: (event) => reportRetry(context, event) });
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

function reportRetry(context: CliContext, event: AdapterEvent): void {
  if (event.type !== 'retry') return;
  const why = event.status === null ? event.errorKind : `${event.status}`;
  context.progress.done(
    `  retrying ${event.method} ${event.path} (${why}) in ${(event.waitMs / 1000).toFixed(1)}s, attempt ${event.attempt + 1}`,
  );
}
