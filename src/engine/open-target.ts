import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createOptimizelyAdapter, type AdapterEvent } from '../adapters/optimizely/index.js';
import type { PlatformAdapter } from '../adapters/port.js';
import { startEmulator } from '../emulator/index.js';
import type { SelectedTarget } from '../io/config/config.js';

export interface OpenTarget {
  adapter: PlatformAdapter;
  /** Releases what opening took (the embedded emulator, flushing its state file). */
  close(): Promise<void>;
}

export interface OpenTargetOptions {
  onEvent?: (event: AdapterEvent) => void;
}

/**
 * Connects to a target. An embedded target starts the emulator in this process on a free
 * loopback port, with its state in the target's data file, and talks to it over real HTTP
 * like any other CMS.
 */
export async function openTarget(target: SelectedTarget, options: OpenTargetOptions = {}): Promise<OpenTarget> {
  const credentials = { clientId: target.credentials.clientId, clientSecret: target.credentials.clientSecret.reveal() };
  switch (target.endpoint.kind) {
    case 'remote': {
      const adapter = createOptimizelyAdapter({ apiUrl: target.endpoint.apiUrl, apiVersion: target.apiVersion, ...credentials, onEvent: options.onEvent });
      return { adapter, close: async () => undefined };
    }
    case 'embedded': {
      await mkdir(dirname(target.endpoint.dataFile), { recursive: true });
      const emulator = await startEmulator({ port: 0, dataFile: target.endpoint.dataFile, ...credentials });
      const adapter = createOptimizelyAdapter({ apiUrl: emulator.url, apiVersion: target.apiVersion, ...credentials, onEvent: options.onEvent });
      return { adapter: describedAs(adapter, `embedded Optimizely emulator (${target.apiVersion}), state in ${target.endpoint.dataFile}`), close: () => emulator.close() };
    }
    default: {
      const unknown: never = target.endpoint;
      throw new Error(`Internal error: unknown endpoint kind ${JSON.stringify(unknown)}. This is a bug in catalyst.`);
    }
  }
}

/** The embedded emulator's URL changes every run; describe it by what stays the same. */
function describedAs(adapter: PlatformAdapter, description: string): PlatformAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'describe') return () => description;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
