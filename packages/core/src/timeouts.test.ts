import type { LoopbackReply } from '@openai-micro/tooling/loopback';
import { describe, expect, it } from 'vitest';
import type { RetryInfo } from './client.js';
import { InputRejectedError, TimeoutError } from './errors.js';
import { request } from './request-json.js';
import { delay, rejectionOf, transports, useLoopbackServer } from './test-support.test-helper.js';

// Tests read typed fields off the caught error after asserting its class.
const failure = rejectionOf as (promise: Promise<unknown>) => Promise<any>;

const settle = (promise: Promise<void> | undefined, milliseconds: number) =>
  Promise.race([promise, delay(milliseconds).then(() => 'still open' as const)]);

describe.each(transports)('timeouts over %s', (_name, transport) => {
  const context = useLoopbackServer(transport);
  /** Runs `behave` for every request and keeps each request's disconnect promise. */
  const serve = (behave: (reply: LoopbackReply) => Promise<void>) => {
    const closed: Promise<void>[] = [];
    context.server.handler = (_request, reply) => {
      closed.push(reply.disconnected);
      return behave(reply);
    };
    return closed;
  };
  const get = (clientOptions = {}, callOptions = {}) => request(context.client(clientOptions), { method: 'GET', path: '/models' }, callOptions);

  it('ends stalled headers with a TimeoutError("request") after about `timeout` ms', async () => {
    const closed = serve((reply) => reply.stall());
    const started = Date.now();
    const error = await failure(get({ timeout: 200 }));
    const elapsed = Date.now() - started;
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error.name).toBe('TimeoutError');
    expect(error.timeout).toBe('request');
    expect(error.milliseconds).toBe(200);
    expect(error.message).toContain('200 ms');
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(700);
    expect(await settle(closed[0], 1000)).toBeUndefined();
  });

  it('retries a timed-out attempt maxRetries times, so the total stays bounded', async () => {
    const closed = serve((reply) => reply.stall());
    const retries: RetryInfo[] = [];
    const started = Date.now();
    const error = await failure(get({ timeout: 150, maxRetries: 2, onRetry: (info: RetryInfo) => retries.push(info) }));
    const elapsed = Date.now() - started;
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(context.server.requests).toHaveLength(3);
    expect(retries.map((info) => TimeoutError.isInstance(info.error))).toEqual([true, true]);
    // Three attempts of 150 ms plus two backoffs of at most 500 and 1000 ms.
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(150 * 3 + 1500 + 500);
    // Every timed-out attempt freed its socket.
    for (const promise of closed) expect(await settle(promise, 1000)).toBeUndefined();
  });

  it('ends a stalled JSON body with a TimeoutError("request")', async () => {
    const closed = serve(async (reply) => {
      await reply.head(200, { 'content-type': 'application/json', 'content-length': '100' });
      await reply.write('{"object":"list","data":[');
      await reply.stall();
    });
    const started = Date.now();
    const error = await failure(get({ timeout: 200 }));
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error.timeout).toBe('request');
    expect(Date.now() - started).toBeLessThan(700);
    expect(await settle(closed[0], 1000)).toBeUndefined();
  });

  it('ends a stalled error body with a TimeoutError', async () => {
    serve(async (reply) => {
      await reply.head(500, { 'content-type': 'application/json', 'content-length': '100' });
      await reply.write('{"error":');
      await reply.stall();
    });
    const error = await failure(get({ timeout: 200 }));
    expect(TimeoutError.isInstance(error)).toBe(true);
  });

  it('lets a per-call timeout override the client', async () => {
    serve((reply) => reply.stall());
    const started = Date.now();
    const error = await failure(get({ timeout: 5000 }, { timeout: 150 }));
    expect(error.milliseconds).toBe(150);
    expect(Date.now() - started).toBeLessThan(700);
  });

  it('treats an Infinity or huge timeout as no limit instead of firing at once', async () => {
    serve(async (reply) => {
      await delay(50);
      await reply.json(200, { object: 'list', data: [] });
    });
    expect(await get({ timeout: Number.POSITIVE_INFINITY })).toEqual({ object: 'list', data: [] });
    expect(await get({}, { timeout: 30 * 24 * 3600 * 1000 })).toEqual({ object: 'list', data: [] });
  });

  it('refuses unusable per-call numbers before sending', async () => {
    serve((reply) => reply.json(200, {}));
    for (const options of [{ timeout: -1 }, { maxRetries: Number.NaN }, { streamIdleTimeout: 0 }]) {
      const error = await failure(get({}, options));
      expect(InputRejectedError.isInstance(error), JSON.stringify(options)).toBe(true);
      expect(error.field).toBe(Object.keys(options)[0]);
    }
    expect(context.server.requests).toHaveLength(0);
  });

  it('does not fire when the response arrives in time, slow as it is', async () => {
    serve(async (reply) => {
      await delay(100);
      await reply.json(200, { object: 'list', data: [] });
    });
    expect(await get({ timeout: 400 }, { timeout: 400 })).toEqual({ object: 'list', data: [] });
  });
});
