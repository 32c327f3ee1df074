import { type LoopbackServer, startLoopbackServer } from '@openai-micro/tooling/loopback';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ClientOptions, createClient, type RetryInfo } from './client.js';
import { APIError, ConnectionError, isRateLimitError } from './errors.js';
import { request } from './request-json.js';
import { backoffMs, isRetryableStatus, maxRetryAfterMs, retryAfterMs, sleep } from './retry.js';
import { delay, rejectionOf, transports } from './test-support.test-helper.js';


// Tests read typed fields off the caught error after asserting its class.
const failure = rejectionOf as (promise: Promise<unknown>) => Promise<any>;


describe('retry policy', () => {
  it('retries 408, 409, 429 and 5xx only, unless x-should-retry says otherwise', () => {
    const none = new Headers();
    for (const status of [408, 409, 429, 500, 502, 503, 504]) expect(isRetryableStatus(status, none), String(status)).toBe(true);
    for (const status of [400, 401, 403, 404, 413, 422]) expect(isRetryableStatus(status, none), String(status)).toBe(false);
    expect(isRetryableStatus(400, new Headers({ 'x-should-retry': 'true' }))).toBe(true);
    expect(isRetryableStatus(503, new Headers({ 'x-should-retry': 'false' }))).toBe(false);
  });

  it('reads retry-after-ms, Retry-After seconds and Retry-After HTTP dates', () => {
    const now = Date.parse('2024-03-01T12:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250' }), now)).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Fri, 01 Mar 2024 12:00:05 GMT' }), now)).toBe(5000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Fri, 01 Mar 2024 11:00:00 GMT' }), now)).toBe(0);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'retry-after-ms': 'abc', 'retry-after': '1' }), now)).toBe(1000);
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
  });

  it('grows the backoff exponentially with jitter and caps it', () => {
    const samples = (retry: number) => Array.from({ length: 200 }, () => backoffMs(retry));
    const first = samples(1);
    const second = samples(2);
    const tenth = samples(10);
    expect(Math.min(...first)).toBeGreaterThanOrEqual(375);
    expect(Math.max(...first)).toBeLessThanOrEqual(500);
    expect(Math.min(...second)).toBeGreaterThanOrEqual(750);
    expect(Math.max(...second)).toBeLessThanOrEqual(1000);
    expect(Math.max(...tenth)).toBeLessThanOrEqual(8000);
    expect(Math.max(...samples(50))).toBeLessThanOrEqual(8000);
    expect(new Set(first).size).toBeGreaterThan(1);
  });

  it('sleeps, and rejects at once with the signal reason on abort', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const slept = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(), 20);
    const error = await failure(slept);
    expect(error).toBeInstanceOf(DOMException);
    expect(error.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe.each(transports)('retries over %s', (_name, transport) => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer((_request, reply) => reply.json(200, { ok: true }));
  });
  afterAll(() => server.close());
  afterEach(() => {
    server.requests.length = 0;
    expect(server.handlerErrors).toEqual([]);
  });

  const make = (options: ClientOptions = {}) => createClient({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, ...transport, ...options });
  const get = (options: ClientOptions = {}, callOptions = {}) => request(make(options), { method: 'GET', path: '/models' }, callOptions);
  /** Fails the first `failures` requests with `fail`, then answers 200. */
  const failFirst = (failures: number, fail: Parameters<LoopbackServer['handler']>[1] extends infer Reply ? (reply: Reply) => Promise<void> : never) => {
    let seen = 0;
    server.handler = (_request, reply) => (++seen <= failures ? fail(reply) : reply.json(200, { ok: true, attempt: seen }));
  };

  it.each([408, 409, 429, 500, 503])('retries %i and then succeeds', async (status) => {
    failFirst(2, (reply) => reply.json(status, { error: { message: `status ${status}` } }, { 'retry-after-ms': '1' }));
    const result = await get({ maxRetries: 2 });
    expect(result).toEqual({ ok: true, attempt: 3 });
    expect(server.requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 422])('does not retry %i', async (status) => {
    failFirst(5, (reply) => reply.json(status, { error: { message: `status ${status}` } }, { 'retry-after-ms': '1' }));
    const error = await failure(get({ maxRetries: 3 }));
    expect(APIError.isInstance(error)).toBe(true);
    expect(error.status).toBe(status);
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after maxRetries and throws the last error', async () => {
    failFirst(10, (reply) => reply.json(503, { error: { message: 'overloaded' } }, { 'retry-after-ms': '1' }));
    const error = await failure(get({ maxRetries: 3 }));
    expect(error.status).toBe(503);
    expect(error.message).toContain('overloaded');
    expect(server.requests).toHaveLength(4);
  });

  it('does not retry with maxRetries 0, and a per-call maxRetries overrides the client', async () => {
    failFirst(10, (reply) => reply.json(500, { error: { message: 'down' } }, { 'retry-after-ms': '1' }));
    await failure(get({ maxRetries: 0 }));
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    await failure(get({ maxRetries: 0 }, { maxRetries: 2 }));
    expect(server.requests).toHaveLength(3);
    server.requests.length = 0;
    await failure(get({ maxRetries: 5 }, { maxRetries: 0 }));
    expect(server.requests).toHaveLength(1);
  });

  it('retries a connection reset before the headers', async () => {
    failFirst(1, (reply) => reply.reset());
    const onRetry = vi.fn();
    expect(await get({ onRetry })).toEqual({ ok: true, attempt: 2 });
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(ConnectionError.isInstance(onRetry.mock.calls[0]?.[0].error)).toBe(true);
  });

  it('retries a reset in the middle of a JSON body', async () => {
    failFirst(1, async (reply) => {
      await reply.head(200, { 'content-type': 'application/json', 'content-length': '200' });
      await reply.write('{"ok":true,"padding":"');
      await delay(20);
      await reply.reset();
    });
    expect(await get({ onRetry: () => {} })).toEqual({ ok: true, attempt: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it('throws a ConnectionError when every attempt is reset', async () => {
    failFirst(10, (reply) => reply.reset());
    const error = await failure(get({ maxRetries: 1, onRetry: () => {} }));
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect(error.name).toBe('ConnectionError');
    expect(server.requests).toHaveLength(2);
  });

  it('honours retry-after-ms', async () => {
    failFirst(1, (reply) => reply.json(429, { error: { message: 'slow down' } }, { 'retry-after-ms': '200' }));
    const delays: number[] = [];
    const started = Date.now();
    await get({ onRetry: (info) => delays.push(info.delayMs) });
    const elapsed = Date.now() - started;
    expect(delays).toEqual([200]);
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1000);
  });

  it('honours Retry-After in seconds', async () => {
    failFirst(1, (reply) => reply.json(503, { error: { message: 'busy' } }, { 'retry-after': '0.2' }));
    const started = Date.now();
    const delays: number[] = [];
    await get({ onRetry: (info) => delays.push(info.delayMs) });
    expect(delays).toEqual([200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('honours Retry-After as an HTTP date', async () => {
    // HTTP dates have whole seconds: aim at the next full second at least 500 ms away.
    let target = 0;
    const arrivals: number[] = [];
    let seen = 0;
    server.handler = (_request, reply) => {
      arrivals.push(Date.now());
      if (++seen > 1) return reply.json(200, { ok: true });
      target = Math.ceil((Date.now() + 500) / 1000) * 1000;
      return reply.json(429, { error: { message: 'later' } }, { 'retry-after': new Date(target).toUTCString() });
    };
    const delays: number[] = [];
    await get({ onRetry: (info) => delays.push(info.delayMs) });
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThan(400);
    expect(delays[0]).toBeLessThanOrEqual(1500);
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]).toBeGreaterThanOrEqual(target - 20);
  });

  it('throws at once when Retry-After asks for longer than the cap', async () => {
    for (const headers of [{ 'retry-after': '86400' }, { 'retry-after-ms': String(maxRetryAfterMs + 1) }]) {
      server.requests.length = 0;
      failFirst(1, (reply) => reply.json(429, { error: { message: 'quota' } }, headers));
      const onRetry = vi.fn();
      const started = Date.now();
      const error = await failure(get({ maxRetries: 3, onRetry }));
      expect(isRateLimitError(error)).toBe(true);
      expect(error.message).toContain('quota');
      expect(Date.now() - started).toBeLessThan(500);
      expect(onRetry).not.toHaveBeenCalled();
      expect(server.requests).toHaveLength(1);
    }
  });

  it('follows x-should-retry both ways', async () => {
    failFirst(1, (reply) => reply.json(400, { error: { message: 'try again' } }, { 'x-should-retry': 'true', 'retry-after-ms': '1' }));
    expect(await get()).toEqual({ ok: true, attempt: 2 });
    server.requests.length = 0;
    failFirst(1, (reply) => reply.json(503, { error: { message: 'do not' } }, { 'x-should-retry': 'false', 'retry-after-ms': '1' }));
    const error = await failure(get());
    expect(error.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it('calls onRetry with the attempt, the delay and the error', async () => {
    failFirst(2, (reply) => reply.json(500, { error: { message: 'oops' } }, { 'retry-after-ms': '5' }));
    const calls: RetryInfo[] = [];
    await get({ onRetry: (info) => calls.push(info) });
    expect(calls.map((info) => info.attempt)).toEqual([2, 3]);
    expect(calls.map((info) => info.delayMs)).toEqual([5, 5]);
    for (const info of calls) {
      expect(APIError.isInstance(info.error)).toBe(true);
      expect((info.error as APIError).status).toBe(500);
      expect(info.method).toBe('GET');
      expect(info.url).toBe(`${server.url}/v1/models`);
    }
  });

  it('uses a growing backoff when the server names no delay', async () => {
    failFirst(2, (reply) => reply.json(500, { error: { message: 'oops' } }));
    const delays: number[] = [];
    await get({ onRetry: (info) => delays.push(info.delayMs) });
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(375);
    expect(delays[0]).toBeLessThanOrEqual(500);
    expect(delays[1]).toBeGreaterThanOrEqual(750);
    expect(delays[1]).toBeLessThanOrEqual(1000);
  });

  it('ends at once with the AbortError when aborted during the backoff', async () => {
    failFirst(10, (reply) => reply.json(503, { error: { message: 'busy' } }, { 'retry-after-ms': '5000' }));
    const controller = new AbortController();
    const started = Date.now();
    const error = await failure(get({ maxRetries: 3, onRetry: () => setTimeout(() => controller.abort(), 30) }, { signal: controller.signal }));
    expect(error).toBeInstanceOf(DOMException);
    expect(error.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it('passes a custom abort reason through unchanged', async () => {
    failFirst(10, (reply) => reply.stall());
    const reason = new Error('user navigated away');
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 30);
    expect(await failure(get({}, { signal: controller.signal }))).toBe(reason);
  });

  it('aborts while reading a JSON body with the AbortError, not a retry', async () => {
    failFirst(10, async (reply) => {
      await reply.head(200, { 'content-type': 'application/json', 'content-length': '100' });
      await reply.write('{"ok":');
      await reply.stall();
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(get({ maxRetries: 2 }, { signal: controller.signal }));
    expect(error.name).toBe('AbortError');
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const error = await failure(get({}, { signal: AbortSignal.abort() }));
    expect(error.name).toBe('AbortError');
    expect(server.requests).toHaveLength(0);
  });

  it('aborts while waiting for headers: AbortError quickly, and the server sees the socket close', async () => {
    let closed: Promise<void> | undefined;
    server.handler = (_request, reply) => {
      closed = reply.disconnected;
      return reply.stall();
    };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await failure(get({ maxRetries: 2 }, { signal: controller.signal }));
    expect(error).toBeInstanceOf(DOMException);
    expect(error.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(500);
    await expect(Promise.race([closed, delay(2000).then(() => 'still open')])).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });
});

describe('connection refused', () => {
  it('is a ConnectionError after the retries', async () => {
    const server = await startLoopbackServer((_request, reply) => reply.json(200, {}));
    const url = server.url;
    await server.close();
    for (const transport of transports) {
      const delays: number[] = [];
      const client = createClient({ apiKey: 'sk-test', baseURL: url, maxRetries: 1, ...transport[1], onRetry: (info) => delays.push(info.delayMs) });
      const error = await failure(request(client, { method: 'GET', path: '/models' }));
      expect(ConnectionError.isInstance(error), transport[0]).toBe(true);
      expect(error.message).toMatch(/connection/i);
      expect(delays).toHaveLength(1);
    }
  });
});
