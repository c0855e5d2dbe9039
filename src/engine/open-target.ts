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
      return { adapter, close: () => emulator.close() };
    }
    default: {
      const unknown: never = target.endpoint;
      throw new Error(`Internal error: unknown endpoint kind ${JSON.stringify(unknown)}. This is a bug in catalyst.`);
    }
  }
}

/**
 * The target as plans and messages name it, without secrets. An embedded target is described
 * by what stays the same from run to run, not by the emulator's port of the moment.
 */
export function describeTarget(target: SelectedTarget): string {
  switch (target.endpoint.kind) {
    case 'remote':
      return `${target.platform} ${target.apiVersion} at ${target.endpoint.apiUrl}`;
    case 'embedded':
      return `embedded ${target.platform} emulator, ${target.apiVersion}`;
    default: {
      const unknown: never = target.endpoint;
      throw new Error(`Internal error: unknown endpoint kind ${JSON.stringify(unknown)}. This is a bug in catalyst.`);
    }
  }
}
