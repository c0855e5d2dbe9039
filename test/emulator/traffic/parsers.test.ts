import { describe, expect, it } from 'vitest';
import {
  formatFault,
  parseFault,
  parseLatency,
  parseRateLimit,
  TrafficOptionError,
  type FaultRule,
} from '../../../src/emulator/traffic/index.js';

function thrown(run: () => unknown): TrafficOptionError {
  try {
    run();
  } catch (error) {
    if (error instanceof TrafficOptionError) return error;
    throw error;
  }
  throw new Error('expected a TrafficOptionError, but nothing was thrown');
}

describe('parseRateLimit', () => {
  const good: Array<{ text: string; capacity: number; refillPerSecond: number }> = [
    { text: '100/min', capacity: 100, refillPerSecond: 100 / 60 },
    { text: '10/s', capacity: 10, refillPerSecond: 10 },
    { text: '5000/h', capacity: 5000, refillPerSecond: 5000 / 3600 },
    { text: ' 60 / Minute ', capacity: 60, refillPerSecond: 1 },
    { text: '1/hour', capacity: 1, refillPerSecond: 1 / 3600 },
    { text: '3/sec', capacity: 3, refillPerSecond: 3 },
    { text: '7/second', capacity: 7, refillPerSecond: 7 },
    { text: '100/min,burst=1', capacity: 1, refillPerSecond: 100 / 60 },
    { text: '100/min, burst = 10', capacity: 10, refillPerSecond: 100 / 60 },
  ];
  it.each(good)('$text', ({ text, capacity, refillPerSecond }) => {
    expect(parseRateLimit(text)).toEqual({ capacity, refillPerSecond });
  });

  const bad = [
    '',
    '100',
    '100/',
    '/min',
    '0/min',
    '-5/min',
    '1.5/s',
    '100/day',
    '100/m',
    '100 per minute',
    'ten/min',
    '100/min,burst=0',
    '100/min,burst=',
    '100/min,bursts=2',
  ];
  it.each(bad)('rejects %j and shows the syntax', (text) => {
    const error = thrown(() => parseRateLimit(text));
    expect(error.option).toBe('--rate-limit');
    expect(error.value).toBe(text);
    expect(error.message).toBe(
      `Invalid --rate-limit ${JSON.stringify(text)}: expected COUNT/UNIT[,burst=B] with positive whole COUNT and B and UNIT one of s, min, h, for example "100/min" or "100/min,burst=1".`,
    );
  });
});

describe('parseLatency', () => {
  const good: Array<{ text: string; latency: ReturnType<typeof parseLatency> }> = [
    { text: '50', latency: 50 },
    { text: '0', latency: 0 },
    { text: '20-80', latency: { min: 20, max: 80 } },
    { text: ' 5 - 5 ', latency: { min: 5, max: 5 } },
  ];
  it.each(good)('$text', ({ text, latency }) => {
    expect(parseLatency(text)).toEqual(latency);
  });

  const bad: Array<{ text: string; message: string }> = [
    ...['', 'abc', '-5', '1.5', '20-', '50ms', '20-80-90'].map((text) => ({
      text,
      message: `Invalid --latency ${JSON.stringify(text)}: expected whole milliseconds, fixed or as a range MIN-MAX, for example "50" or "20-80".`,
    })),
    { text: '80-20', message: 'Invalid --latency "80-20": the range is reversed; write "20-80".' },
  ];
  it.each(bad)('rejects $text', ({ text, message }) => {
    const error = thrown(() => parseLatency(text));
    expect(error.option).toBe('--latency');
    expect(error.message).toBe(message);
  });
});

describe('parseFault', () => {
  const good: Array<{ text: string; rule: FaultRule }> = [
    { text: '503', rule: { kind: 'status', status: 503 } },
    { text: '503@3,7', rule: { kind: 'status', status: 503, requestNumbers: [3, 7] } },
    { text: '503@2-4,9', rule: { kind: 'status', status: 503, requestNumbers: [2, 3, 4, 9] } },
    { text: '503@7,3,3', rule: { kind: 'status', status: 503, requestNumbers: [3, 7] } },
    { text: '500:0.1', rule: { kind: 'status', status: 500, probability: 0.1 } },
    { text: '500:1', rule: { kind: 'status', status: 500, probability: 1 } },
    { text: '500:.25x3', rule: { kind: 'status', status: 500, probability: 0.25, times: 3 } },
    { text: 'reset@2', rule: { kind: 'reset', requestNumbers: [2] } },
    { text: 'RESET', rule: { kind: 'reset' } },
    { text: 'slow=2000@1', rule: { kind: 'slow', delayMs: 2000, requestNumbers: [1] } },
    { text: 'slow=0x1', rule: { kind: 'slow', delayMs: 0, times: 1 } },
    {
      text: 'PATCH /v1/contenttypes/*=503@1',
      rule: { kind: 'status', status: 503, method: 'PATCH', path: '/v1/contenttypes/*', requestNumbers: [1] },
    },
    { text: 'delete=reset', rule: { kind: 'reset', method: 'DELETE' } },
    { text: '/oauth/token = 502:0.5', rule: { kind: 'status', status: 502, path: '/oauth/token', probability: 0.5 } },
    {
      text: 'GET /v1/**=slow=150@1-2:0.5x1',
      rule: { kind: 'slow', delayMs: 150, method: 'GET', path: '/v1/**', requestNumbers: [1, 2], probability: 0.5, times: 1 },
    },
  ];
  it.each(good)('$text', ({ text, rule }) => {
    expect(parseFault(text)).toEqual(rule);
  });
  it.each(good)('formatFault gives back $text as the same rule', ({ rule }) => {
    expect(parseFault(formatFault(rule))).toEqual(rule);
  });

  const syntax =
    'expected [METHOD] [PATH=]FAULT[@NUMBERS][:PROBABILITY][xTIMES], where FAULT is a 5xx status, "reset" or "slow=MS", ' +
    'for example "503@3,7", "500:0.1", "reset@2", "slow=2000@1x1" or "PATCH /v1/contenttypes/*=503@1".';
  const bad: Array<{ text: string; message: string }> = [
    ...['', 'boom', 'slow', 'slow=', 'slow=fast', '503@', 'PACTH /v1=503', 'PATCH /v1/contenttypes/*', 'v1/x=503', '503;1'].map((text) => ({
      text,
      message: `Invalid --fault ${JSON.stringify(text)}: ${syntax}`,
    })),
    {
      text: '429@1',
      message: 'Invalid --fault "429@1": status 429 is not a 5xx; scripted statuses are 500-599 (429s come from --rate-limit).',
    },
    {
      text: '600',
      message: 'Invalid --fault "600": status 600 is not a 5xx; scripted statuses are 500-599 (429s come from --rate-limit).',
    },
    {
      text: '503@0',
      message:
        'Invalid --fault "503@0": request numbers "0" must be 1-based whole numbers or ascending ranges of at most 10000, comma separated, for example "@3,7" or "@2-4".',
    },
    {
      text: '503@4-2',
      message:
        'Invalid --fault "503@4-2": request numbers "4-2" must be 1-based whole numbers or ascending ranges of at most 10000, comma separated, for example "@3,7" or "@2-4".',
    },
    {
      text: '503@1-1000000000',
      message:
        'Invalid --fault "503@1-1000000000": request numbers "1-1000000000" must be 1-based whole numbers or ascending ranges of at most 10000, comma separated, for example "@3,7" or "@2-4".',
    },
    {
      text: '503@1,,2',
      message:
        'Invalid --fault "503@1,,2": request numbers "1,,2" must be 1-based whole numbers or ascending ranges of at most 10000, comma separated, for example "@3,7" or "@2-4".',
    },
    {
      text: '500:1.5',
      message: 'Invalid --fault "500:1.5": probability "1.5" must be a decimal from 0 to 1, for example ":0.1" for one request in ten.',
    },
    {
      text: '500:10%',
      message: 'Invalid --fault "500:10%": probability "10%" must be a decimal from 0 to 1, for example ":0.1" for one request in ten.',
    },
    { text: '500x0', message: 'Invalid --fault "500x0": times "0" must be a whole number of at least 1, for example "x2".' },
    { text: '500x2.5', message: 'Invalid --fault "500x2.5": times "2.5" must be a whole number of at least 1, for example "x2".' },
  ];
  it.each(bad)('rejects $text', ({ text, message }) => {
    const error = thrown(() => parseFault(text));
    expect(error.option).toBe('--fault');
    expect(error.value).toBe(text);
    expect(error.message).toBe(message);
  });
});
