import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator/index.js';
import { Api } from './api.js';

export interface EmulatorUnderTest {
  /** The running emulator; its members may be read only in hooks and tests, once it has started. */
  emulator: RunningEmulator;
  /** A client of the demo credentials, bound to that emulator. */
  api: Api;
}

/**
 * An emulator for the enclosing suite: started on a free port before its first test, closed after
 * its last. Call it at the top of a file or a describe block.
 */
export function useEmulator(options: Omit<EmulatorOptions, 'port'> = {}): EmulatorUnderTest {
  let started: RunningEmulator | undefined;
  const running = (): RunningEmulator => {
    if (started === undefined) throw new Error('useEmulator: the emulator starts in beforeAll; use it inside a hook or a test.');
    return started;
  };
  beforeAll(async () => {
    started = await startEmulator({ ...options, port: 0 });
  });
  afterAll(() => started?.close());
  const emulator: RunningEmulator = {
    get url() {
      return running().url;
    },
    get port() {
      return running().port;
    },
    get traffic() {
      return running().traffic;
    },
    get store() {
      return running().store;
    },
    close: () => running().close(),
  };
  return { emulator, api: new Api(() => running().url) };
}
