import {
  startEmulator,
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  type EmulatorOptions,
  type RunningEmulator,
} from '../../../src/emulator/index.js';
import { createOptimizelyAdapter, type AdapterEvent, type OptimizelyAdapterOptions } from '../../../src/adapters/optimizely/index.js';
import type { PlatformAdapter } from '../../../src/adapters/port.js';

export { DEMO_CLIENT_SECRET };

export interface Harness {
  emulator: RunningEmulator;
  adapter: PlatformAdapter;
  events: AdapterEvent[];
  /** Every wait the adapter asked for, in ms. */
  waits: number[];
  /** Another adapter on the same emulator, e.g. with other options. */
  connect(options?: Partial<OptimizelyAdapterOptions>): { adapter: PlatformAdapter; events: AdapterEvent[]; waits: number[] };
  close(): Promise<void>;
}

/**
 * The emulator in process on a free port and an adapter connected to it. Waits are recorded and
 * skipped unless `onWait` says otherwise, so retries cost no time.
 */
export async function startHarness(
  options: {
    emulator?: EmulatorOptions;
    adapter?: Partial<OptimizelyAdapterOptions>;
    onWait?: (ms: number, emulator: RunningEmulator) => Promise<void>;
  } = {},
): Promise<Harness> {
  const emulator = await startEmulator({ port: 0, ...options.emulator });
  const connect = (overrides: Partial<OptimizelyAdapterOptions> = {}) => {
    const events: AdapterEvent[] = [];
    const waits: number[] = [];
    const adapter = createOptimizelyAdapter({
      apiUrl: emulator.url,
      apiVersion: 'v1',
      clientId: DEMO_CLIENT_ID,
      clientSecret: DEMO_CLIENT_SECRET,
      onEvent: (event) => events.push(event),
      sleep: async (ms) => {
        waits.push(ms);
        await options.onWait?.(ms, emulator);
      },
      random: () => 0.5,
      ...options.adapter,
      ...overrides,
    });
    return { adapter, events, waits };
  };
  const first = connect();
  return { emulator, ...first, connect, close: () => emulator.close() };
}
