import type { Argv } from 'yargs';
import { UserError } from '../../core/user-error.js';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_TOKEN_TTL_SECONDS,
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  startEmulator,
  type RunningEmulator,
} from '../../emulator/index.js';
import { parseFault, parseLatency, parseRateLimit, TrafficOptionError, type TrafficOptions } from '../../emulator/traffic/index.js';
import { defineCommand, EXIT } from '../define-command.js';

/** All optional, so the command fits the shared command list; yargs fills in the defaults. */
interface EmulatorArgs {
  port?: number;
  host?: string;
  clientId?: string;
  clientSecret?: string;
  data?: string;
  tokenTtl?: number;
  strictReferences?: boolean;
  rateLimit?: string;
  latency?: string;
  fault?: string[];
}

/**
 * `catalyst emulator`: the local Optimizely CMS emulator, in the foreground. Prints one line when
 * it listens and runs until SIGINT or SIGTERM, then stops and writes `--data` one last time.
 */
export const emulatorCommand = defineCommand<EmulatorArgs>({
  command: 'emulator',
  describe: 'Run a local emulator of the Optimizely CMS content-type API (no account needed)',
  builder: (yargs: Argv) =>
    yargs
      .usage(
        '$0 emulator [options]\n\nServes the Optimizely CMS REST API (v1, preview3, preview2) on 127.0.0.1 until stopped.\n' +
          `Demo credentials when none are given: client id "${DEMO_CLIENT_ID}", client secret "${DEMO_CLIENT_SECRET}".\n` +
          'Point the official CLI at it with OPTIMIZELY_CMS_API_URL=http://127.0.0.1:4010.',
      )
      .option('port', { type: 'number', default: DEFAULT_PORT, describe: 'Port to listen on (0 picks a free one)' })
      .option('host', { type: 'string', default: DEFAULT_HOST, describe: 'Address to listen on' })
      .option('client-id', { type: 'string', describe: `Client id to accept [env OPTIMIZELY_CMS_CLIENT_ID, default "${DEMO_CLIENT_ID}"]` })
      .option('client-secret', {
        type: 'string',
        describe: `Client secret to accept [env OPTIMIZELY_CMS_CLIENT_SECRET, default "${DEMO_CLIENT_SECRET}"]`,
      })
      .option('data', { type: 'string', describe: 'Keep the state in this JSON file (written atomically); without it, state is in memory' })
      .option('token-ttl', { type: 'number', default: DEFAULT_TOKEN_TTL_SECONDS, describe: 'Access token lifetime in seconds' })
      .option('strict-references', {
        type: 'boolean',
        default: false,
        describe: 'Refuse definitions that reference content types that do not exist',
      })
      .option('rate-limit', {
        type: 'string',
        describe: 'Token-bucket rate limit answering 429, e.g. "100/min" (a burst of 100), or "100/min,burst=1" (none)',
      })
      .option('latency', { type: 'string', describe: 'Milliseconds added to every request, e.g. "50" or "20-80"' })
      .option('fault', {
        type: 'string',
        array: true,
        describe: 'Scripted fault, repeatable, e.g. "503@3,7", "reset@2", "PATCH /v1/contenttypes/*=503@1"',
      })
      .example('$0 emulator', 'Serve on http://127.0.0.1:4010 with the demo credentials')
      .example(
        '$0 emulator --data .catalyst/cms.json --rate-limit 100/min',
        'A local dev CMS that keeps its state and limits like production',
      ) as unknown as Argv<EmulatorArgs>,

  async run(args) {
    const traffic = trafficOptions(args);
    const clientId = args.clientId ?? nonEmpty(process.env.OPTIMIZELY_CMS_CLIENT_ID) ?? DEMO_CLIENT_ID;
    const clientSecret = args.clientSecret ?? nonEmpty(process.env.OPTIMIZELY_CMS_CLIENT_SECRET) ?? DEMO_CLIENT_SECRET;
    const port = args.port ?? DEFAULT_PORT;
    const host = args.host ?? DEFAULT_HOST;
    const tokenTtl = args.tokenTtl ?? DEFAULT_TOKEN_TTL_SECONDS;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UserError(
        `Invalid --port ${port}`,
        `--port must be a whole number from 0 to 65535 (0 picks a free one), not ${port}. Run the command again with another port.`,
      );
    if (!Number.isInteger(tokenTtl) || tokenTtl < 1)
      throw new UserError(
        `Invalid --token-ttl ${tokenTtl}`,
        `--token-ttl must be a whole number of seconds, at least 1, not ${tokenTtl}. Run the command again with another lifetime.`,
      );

    let emulator: RunningEmulator;
    try {
      emulator = await startEmulator({
        host,
        port,
        clientId,
        clientSecret,
        tokenTtlSeconds: tokenTtl,
        strictReferences: args.strictReferences ?? false,
        traffic,
        ...(args.data === undefined ? {} : { dataFile: args.data }),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new UserError(
          `Port ${port} is in use`,
          `Port ${port} on ${host} is already in use. Stop what uses it, or choose another port with --port.`,
        );
      }
      throw error;
    }
    const stopSignal = listenForStop();
    process.stdout.write(`Optimizely CMS emulator listening on ${emulator.url} (client id: ${clientId})\n`);
    await stopSignal.received;
    try {
      await emulator.close();
    } finally {
      stopSignal.dispose();
    }
    return EXIT.ok;
  },
});

/** The traffic flags; a value that cannot be used is the user's to fix, with the accepted forms. */
function trafficOptions(args: EmulatorArgs): TrafficOptions {
  try {
    return {
      ...(args.rateLimit === undefined ? {} : { rateLimit: parseRateLimit(args.rateLimit) }),
      ...(args.latency === undefined ? {} : { latencyMs: parseLatency(args.latency) }),
      ...(args.fault === undefined || args.fault.length === 0 ? {} : { faults: args.fault.map(parseFault) }),
    };
  } catch (error) {
    if (error instanceof TrafficOptionError)
      throw new UserError(`Invalid ${error.option}`, `${error.message} Run the command again with a corrected ${error.option}.`);
    throw error;
  }
}

/**
 * Resolves on the first SIGINT or SIGTERM. The listeners stay until `dispose`, i.e. until the
 * emulator has closed: libraries that watch signals (signal-exit) re-raise a signal when they see
 * no other listener, which would kill the process before `--data` is written.
 */
function listenForStop(): { received: Promise<void>; dispose: () => void } {
  let resolve: () => void = () => undefined;
  const received = new Promise<void>((done) => (resolve = done));
  const onSignal = () => resolve();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    received,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
