import type { AddressInfo } from 'node:net';
import type { EmulatorConfig } from './config.js';
import { createEmulatorServer } from './server.js';
import { EmulatorStore } from './store/emulator-store.js';
import { readStateFile, StateFileWriter } from './store/state-file.js';
import { createTrafficControl, type TrafficControl, type TrafficDeps, type TrafficOptions } from './traffic/index.js';

/** Demo credentials: what `catalyst emulator` accepts when none are given. Not secret. */
export const DEMO_CLIENT_ID = 'catalyst-demo';
export const DEMO_CLIENT_SECRET = 'catalyst-demo-secret';
export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_TOKEN_TTL_SECONDS = 300;
/** Large enough for a manifest of every corpus type several times over. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

export { ROOT_CONTENT_KEY, SYSTEM_SOURCE } from './store/seed.js';
export { EmulatorStore, CMS_USER } from './store/emulator-store.js';
export { EmulatorStateError } from './store/state-file.js';
export type { ContentItemRecord, ContentTypeDoc, DisplayTemplateDoc, PropertyDoc, PropertyGroupDoc, Stored } from './store/documents.js';

export interface EmulatorOptions {
  host?: string; // default '127.0.0.1'
  port?: number; // default 4010; 0 = any free port
  clientId?: string; // default DEMO_CLIENT_ID
  clientSecret?: string; // default DEMO_CLIENT_SECRET
  tokenTtlSeconds?: number; // default 300
  dataFile?: string; // persist state to this JSON file (atomic writes, its folder created); absent = memory
  writeSeed?: boolean; // default true: write a new data file's seeded state at once; false: only once something changes
  traffic?: TrafficOptions; // from './traffic/index.js'
  trafficDeps?: TrafficDeps; // clock (ms), random and sleep of the traffic layer, for deterministic tests
  strictReferences?: boolean; // default false: references to unknown types are accepted
  maxBodyBytes?: number; // default DEFAULT_MAX_BODY_BYTES
  now?: () => Date; // clock, for tests of expiry and Last-Modified
}

export interface RunningEmulator {
  url: string; // 'http://127.0.0.1:<port>' with no path
  port: number;
  traffic: TrafficControl; // counters(), reset(), configure()
  store: EmulatorStore; // direct access for tests: edit a type "as a CMS user would", add content items, read state
  close(): Promise<void>; // stops listening, flushes dataFile
}

/**
 * Starts the Optimizely CMS emulator and resolves once it listens. With `dataFile`, the state is
 * read from that file (or seeded when it does not exist yet) and written back after every change.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config: EmulatorConfig = {
    clientId: options.clientId ?? DEMO_CLIENT_ID,
    clientSecret: options.clientSecret ?? DEMO_CLIENT_SECRET,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    strictReferences: options.strictReferences ?? false,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    now: options.now ?? (() => new Date()),
  };
  assertPositiveInteger('tokenTtlSeconds', config.tokenTtlSeconds);
  assertPositiveInteger('maxBodyBytes', config.maxBodyBytes);
  if (config.clientId === '' || config.clientSecret === '') throw new Error('The emulator needs a non-empty client id and client secret.');
  const traffic = createTrafficControl(options.traffic ?? {}, options.trafficDeps);

  const snapshot = options.dataFile === undefined ? undefined : await readStateFile(options.dataFile);
  const store = snapshot === undefined ? EmulatorStore.seeded(config.now) : EmulatorStore.fromSnapshot(snapshot, config.now);
  const writer = options.dataFile === undefined ? undefined : new StateFileWriter(options.dataFile, () => store.snapshot());
  if (writer !== undefined) {
    store.onChange(() => writer.schedule());
    if (snapshot === undefined && options.writeSeed !== false) writer.schedule();
  }

  const server = createEmulatorServer({ store, traffic, config });
  const host = options.host ?? DEFAULT_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    traffic,
    store,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }).then(() => writer?.flush())),
  };
}

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`The emulator option ${name} must be a positive integer, not ${value}.`);
}
