import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTrafficControl, type TrafficControl, type TrafficOptions } from '../../../src/emulator/traffic/index.js';

/** A plain node:http server that runs the traffic middleware, then answers 200 with the route. */
export interface TrafficServer {
  url: string;
  traffic: TrafficControl;
  /** Milliseconds passed to the injected sleep, in order. */
  sleeps: number[];
  /** 'sleep 50' and 'handler GET /x' entries, in the order they happened. */
  events: string[];
  /** The injected clock, in milliseconds. */
  clock: { now: number };
  close(): Promise<void>;
}

export async function startTrafficServer(options: TrafficOptions, random: () => number = () => 0.5): Promise<TrafficServer> {
  const sleeps: number[] = [];
  const events: string[] = [];
  const clock = { now: 0 };
  const traffic = createTrafficControl(options, {
    now: () => clock.now,
    random,
    sleep: async (ms) => {
      sleeps.push(ms);
      events.push(`sleep ${ms}`);
    },
  });
  const server: Server = createServer((req, res) => {
    traffic
      .middleware(req, res, async () => {
        events.push(`handler ${req.method} ${req.url}`);
        const body = req.url === '/_emulator/counters' ? traffic.counters() : { ok: true, route: `${req.method} ${req.url}` };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      })
      .catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    traffic,
    sleeps,
    events,
    clock,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
