import { describe, expect, it } from 'vitest';
import { FaultBook } from '../../../src/emulator/traffic/fault-book.js';
import { pickLatency } from '../../../src/emulator/traffic/latency.js';
import { compilePathMatcher } from '../../../src/emulator/traffic/path-matcher.js';
import { TokenBucket } from '../../../src/emulator/traffic/rate-limit.js';
import { createTrafficControl, parseFault, TrafficOptionError, type TrafficOptions } from '../../../src/emulator/traffic/index.js';

describe('compilePathMatcher', () => {
  const cases: Array<{ pattern: string; path: string; matches: boolean }> = [
    { pattern: '/v1/contenttypes', path: '/v1/contenttypes', matches: true },
    { pattern: '/v1/contenttypes', path: '/v1/contenttypes/Article', matches: true },
    { pattern: '/v1/contenttypes/', path: '/v1/contenttypes/Article', matches: true },
    { pattern: '/v1/contenttypes', path: '/v1/contenttypesX', matches: false },
    { pattern: '/v1/contenttypes', path: '/v1/propertygroups', matches: false },
    { pattern: '/', path: '/oauth/token', matches: true },
    { pattern: '/v1/contenttypes/*', path: '/v1/contenttypes/Article', matches: true },
    { pattern: '/v1/contenttypes/*', path: '/v1/contenttypes', matches: false },
    { pattern: '/v1/contenttypes/*', path: '/v1/contenttypes/', matches: false },
    { pattern: '/v1/contenttypes/*', path: '/v1/contenttypes/a/b', matches: false },
    { pattern: '/v1/**', path: '/v1/contenttypes/a/b', matches: true },
    { pattern: '/v1/**', path: '/v2/contenttypes', matches: false },
    { pattern: '/*/contenttypes', path: '/preview3/contenttypes', matches: true },
    { pattern: '/v1/content.types/*', path: '/v1/contentXtypes/a', matches: false },
  ];
  it.each(cases)('$pattern vs $path: $matches', ({ pattern, path, matches }) => {
    expect(compilePathMatcher(pattern)(path)).toBe(matches);
  });
});

describe('TokenBucket', () => {
  it('starts full, refuses when empty with the seconds until one token is back, and refills continuously', () => {
    let clock = 1_000;
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 0.5 }, () => clock);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([{ admitted: true }, { admitted: true }, { admitted: true }]);
    expect(bucket.take()).toEqual({ admitted: false, retryAfterSeconds: 2 });
    clock += 1_500;
    expect(bucket.take()).toEqual({ admitted: false, retryAfterSeconds: 1 });
    clock += 499;
    expect(bucket.take()).toEqual({ admitted: false, retryAfterSeconds: 1 });
    clock += 1;
    expect(bucket.take()).toEqual({ admitted: true });
    clock += 60_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()].map((r) => r.admitted)).toEqual([true, true, true, false]);
  });

  it('gives a whole token back after exactly 1/rate seconds at 5000/h despite float error', () => {
    let clock = 0;
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 5000 / 3600 }, () => clock);
    expect(bucket.take().admitted).toBe(true);
    for (let i = 1; i <= 100; i += 1) {
      clock = i * 720;
      expect(bucket.take()).toEqual({ admitted: true });
    }
    expect(bucket.take()).toEqual({ admitted: false, retryAfterSeconds: 1 });
  });

  it('does not spend tokens on refused takes', () => {
    let clock = 0;
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 0.1 }, () => clock);
    bucket.take();
    for (let i = 0; i < 50; i += 1) expect(bucket.take().admitted).toBe(false);
    clock = 10_000;
    expect(bucket.take().admitted).toBe(true);
  });
});

describe('pickLatency', () => {
  const cases = [
    { random: 0, latency: 20 },
    { random: 0.5, latency: 50 },
    { random: 0.999999, latency: 80 },
  ];
  it.each(cases)('a 20-80 range with random $random gives $latency', ({ random, latency }) => {
    expect(pickLatency({ min: 20, max: 80 }, () => random)).toBe(latency);
  });
});

describe('FaultBook', () => {
  const decideAll = (book: FaultBook, requests: string[], random: () => number = () => 0) =>
    requests.map((request) => {
      const [method, path] = request.split(' ') as [string, string];
      const decision = book.decide(method, path, random);
      return [...decision.slow.map((rule) => `slow=${rule.delayMs}`), decision.terminal?.text ?? '-'].join(' ');
    });

  it('numbers requests per rule, over the requests that rule matches', () => {
    const book = new FaultBook([parseFault('PATCH=503@2'), parseFault('/v1/contenttypes/*=reset@2')]);
    expect(decideAll(book, ['GET /v1/contenttypes/A', 'PATCH /v1/x', 'GET /v1/contenttypes/B', 'PATCH /v1/y'])).toEqual([
      '-',
      '-',
      '/v1/contenttypes/*=reset@2',
      'PATCH=503@2',
    ]);
  });

  it('counts a request for every matching rule even when an earlier rule ended it', () => {
    const book = new FaultBook([parseFault('503@1'), parseFault('502@2')]);
    expect(decideAll(book, ['GET /a', 'GET /a', 'GET /a'])).toEqual(['503@1', '502@2', '-']);
  });

  it('applies every slow rule that fires and the first terminal rule, in order', () => {
    const book = new FaultBook([parseFault('slow=10'), parseFault('500@1'), parseFault('slow=20@1'), parseFault('reset')]);
    expect(decideAll(book, ['GET /a', 'GET /a'])).toEqual(['slow=10 slow=20 500@1', 'slow=10 reset']);
  });

  it('stops a rule after `times` firings', () => {
    const book = new FaultBook([parseFault('503x2')]);
    expect(decideAll(book, ['GET /a', 'GET /a', 'GET /a'])).toEqual(['503x2', '503x2', '-']);
  });

  it('draws a random number only for a probability rule that is evaluated', () => {
    const draws = [0.05, 0.5, 0.09];
    let calls = 0;
    const random = () => draws[calls++]!;
    const book = new FaultBook([parseFault('503@2'), parseFault('500:0.1'), parseFault('GET=slow=5@9')]);
    expect(decideAll(book, ['GET /a', 'GET /a', 'GET /a', 'GET /a'], random)).toEqual(['500:0.1', '503@2', '-', '500:0.1']);
    expect(calls).toBe(3);
  });
});

describe('createTrafficControl checks in-process options at once', () => {
  const cases: Array<{ name: string; options: TrafficOptions; message: string }> = [
    {
      name: 'rate limit text',
      options: { rateLimit: '100/day' },
      message:
        'Invalid --rate-limit "100/day": expected COUNT/UNIT[,burst=B] with positive whole COUNT and B and UNIT one of s, min, h, for example "100/min" or "100/min,burst=1".',
    },
    {
      name: 'empty bucket',
      options: { rateLimit: { capacity: 0, refillPerSecond: 1 } },
      message:
        'Invalid rateLimit {"capacity":0,"refillPerSecond":1}: expected a whole capacity of at least 1 and a positive refillPerSecond, for example { capacity: 100, refillPerSecond: 100 / 60 }.',
    },
    {
      name: 'reversed latency',
      options: { latencyMs: { min: 80, max: 20 } },
      message:
        'Invalid latencyMs {"min":80,"max":20}: expected non-negative milliseconds, fixed or as { min, max } with min <= max, for example 50 or { min: 20, max: 80 }.',
    },
    {
      name: 'negative latency',
      options: { latencyMs: -1 },
      message:
        'Invalid latencyMs -1: expected non-negative milliseconds, fixed or as { min, max } with min <= max, for example 50 or { min: 20, max: 80 }.',
    },
    {
      name: 'a 4xx fault',
      options: { faults: [{ kind: 'reset' }, { kind: 'status', status: 404 }] },
      message: 'Invalid faults[1].status 404: expected a status from 500 to 599 (429s come from the rate limit).',
    },
    {
      name: 'probability over 1',
      options: { faults: [{ kind: 'reset', probability: 2 }] },
      message: 'Invalid faults[0].probability 2: expected a number from 0 to 1, such as 0.1.',
    },
    {
      name: 'request number 0',
      options: { faults: [{ kind: 'reset', requestNumbers: [0] }] },
      message: 'Invalid faults[0].requestNumbers [0]: expected 1-based whole numbers, such as [3, 7].',
    },
    {
      name: 'relative path',
      options: { faults: [{ kind: 'reset', path: 'v1/contenttypes' }] },
      message: 'Invalid faults[0].path "v1/contenttypes": expected a path that starts with "/", such as "/v1/contenttypes/*".',
    },
    {
      name: 'unknown kind',
      options: { faults: [{ kind: 'teapot' } as never] },
      message: 'Invalid faults[0].kind "teapot": expected "status", "reset" or "slow" in {"kind":"teapot"}.',
    },
  ];
  it.each(cases)('$name', ({ options, message }) => {
    expect(() => createTrafficControl(options)).toThrow(TrafficOptionError);
    expect(() => createTrafficControl(options)).toThrow(message);
  });
});
