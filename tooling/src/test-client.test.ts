import { describe, expect, it } from 'vitest';
import { collect, jsonBody, sseEvents, testApiKey, testClientOptions, thrownBy, useLoopbackClient, useLoopbackServer } from './test-client.js';

const loopback = useLoopbackServer((request, reply) => reply.json(200, { echoed: request.body.toString() }));

describe('testClientOptions', () => {
  it('aims at the server /v1 with the test key and no retries, overrides winning', () => {
    expect(testClientOptions({ url: 'http://127.0.0.1:1' })).toEqual({ apiKey: testApiKey, baseURL: 'http://127.0.0.1:1/v1', maxRetries: 0 });
    expect(testClientOptions({ url: 'http://127.0.0.1:1' }, { maxRetries: 2, organization: 'org' })).toEqual({
      apiKey: 'sk-test',
      baseURL: 'http://127.0.0.1:1/v1',
      maxRetries: 2,
      organization: 'org',
    });
  });
});

describe('useLoopbackServer', () => {
  it('serves with the given handler and records the request', async () => {
    const response = await fetch(`${loopback.server.url}/v1/things`, { method: 'POST', body: '{"a":[1,"é"]}' });
    expect(await response.json()).toEqual({ echoed: '{"a":[1,"é"]}' });
    expect(loopback.server.requests).toHaveLength(1);
    expect(jsonBody(loopback.server.requests[0]!)).toEqual({ a: [1, 'é'] });
    loopback.server.handler = (_request, reply) => reply.send(500, 'replaced');
  });

  it('gives the next test a fresh server: no recorded requests, the original handler', async () => {
    expect(loopback.server.requests).toEqual([]);
    const response = await fetch(`${loopback.server.url}/again`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(200);
  });
});

describe('sseEvents', () => {
  it('frames each chunk as a data event and ends with [DONE] unless told not to', () => {
    expect(sseEvents([{ a: 1 }, 'text'])).toEqual(['data: {"a":1}\n\n', 'data: "text"\n\n', 'data: [DONE]\n\n']);
    expect(sseEvents([{ a: 1 }], { done: false })).toEqual(['data: {"a":1}\n\n']);
  });
});

describe('collect', () => {
  it('reads every item of an async iterable in order', async () => {
    async function* numbers() {
      yield 1;
      yield 2;
    }
    expect(await collect(numbers())).toEqual([1, 2]);
  });
});

describe('thrownBy', () => {
  it('returns what the function throws, or undefined', () => {
    const failure = new RangeError('no');
    expect(
      thrownBy(() => {
        throw failure;
      }),
    ).toBe(failure);
    expect(thrownBy(() => 1)).toBeUndefined();
  });
});

describe('useLoopbackClient', () => {
  const withClient = useLoopbackClient((_request, reply) => reply.json(200, { ok: true }), (options: { apiKey: string; baseURL: string; maxRetries?: number; organization?: string }) => ({ options }));

  it('makes clients from the test options of its server, overrides winning', () => {
    expect(withClient.client().options).toEqual({ apiKey: testApiKey, baseURL: `${withClient.server.url}/v1`, maxRetries: 0 });
    expect(withClient.client({ maxRetries: 3, organization: 'org' }).options).toEqual({ apiKey: testApiKey, baseURL: `${withClient.server.url}/v1`, maxRetries: 3, organization: 'org' });
  });
});
