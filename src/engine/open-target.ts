import { createOptimizelyAdapter, type AdapterEvent } from '../adapters/optimizely/index.js';
import type { PlatformAdapter } from '../adapters/port.js';
import { createStrapiAdapter } from '../adapters/strapi/index.js';
import { InternalError } from '../core/internal-error.js';
import { assertNever } from '../core/assert-never.js';
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
 * Connects to a target: the composition root, the one place that wires a configured target to a
 * concrete adapter. An embedded target starts the emulator in this process (loaded only then) on
 * a free loopback port, with its state in the target's data file, and talks to it over real HTTP
 * like any other CMS.
 */
export async function openTarget(target: SelectedTarget, options: OpenTargetOptions = {}): Promise<OpenTarget> {
  const credentials = { clientId: target.credentials.clientId, clientSecret: target.credentials.clientSecret.reveal() };
  if (target.platform === 'strapi') {
    if (target.endpoint.kind !== 'remote') throw new InternalError('a strapi target resolved to an embedded endpoint');
    const adapter = createStrapiAdapter({ url: target.endpoint.apiUrl, email: credentials.clientId, password: credentials.clientSecret });
    return { adapter, close: async () => undefined };
  }
  const apiVersion = target.apiVersion;
  if (apiVersion === 'v5') throw new InternalError('an optimizely target resolved to API version v5');
  switch (target.endpoint.kind) {
    case 'remote': {
      const adapter = createOptimizelyAdapter({
        apiUrl: target.endpoint.apiUrl,
        apiVersion,
        ...credentials,
        onEvent: options.onEvent,
      });
      return { adapter, close: async () => undefined };
    }
    case 'embedded': {
      const { startEmulator } = await import('../emulator/index.js');
      // Nothing is written until the CMS changes: a run that only reads, or fails, leaves no state behind.
      const emulator = await startEmulator({ port: 0, dataFile: target.endpoint.dataFile, writeSeed: false, ...credentials });
      const adapter = createOptimizelyAdapter({
        apiUrl: emulator.url,
        apiVersion,
        ...credentials,
        onEvent: options.onEvent,
      });
      return { adapter, close: () => emulator.close() };
    }
    default:
      return assertNever(target.endpoint, 'endpoint kind');
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
    default:
      return assertNever(target.endpoint, 'endpoint kind');
  }
}
