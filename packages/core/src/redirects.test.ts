import { type LoopbackServer, startLoopbackServer } from '@openai-micro/tooling/loopback';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RedirectError } from './errors.js';
import { request } from './request-json.js';
import { rejectionOf, testApiKey, transports, useLoopbackServer } from './test-support.test-helper.js';

// Tests read typed fields off the caught error after asserting its class.
const failure = rejectionOf as (promise: Promise<unknown>) => Promise<any>;

describe.each(transports)('redirects over %s', (_name, transport) => {
  const context = useLoopbackServer(transport);
  // A second loopback server on another port is another origin.
  let other: LoopbackServer;
  beforeAll(async () => {
    other = await startLoopbackServer((_request, reply) => reply.json(200, { stolen: true }));
  });
  afterAll(() => other.close());
  beforeEach(() => {
    other.requests.length = 0;
  });

  it.each([301, 302, 303, 307, 308])('refuses a %i to another origin, naming it, and sends that origin nothing', async (status) => {
    context.server.handler = (_request, reply) => reply.redirect(status, `${other.url}/v1/chat/completions`);
    const error = await failure(
      request(context.client({ maxRetries: 2 }), { method: 'POST', path: '/chat/completions', body: { model: 'gpt-4o-mini' } }),
    );
    expect(RedirectError.isInstance(error)).toBe(true);
    expect(error.name).toBe('RedirectError');
    expect(error.status).toBe(status);
    expect(error.location).toBe(other.url);
    expect(error.message).toContain(other.url);
    expect(error.message).not.toContain(testApiKey);
    expect(context.server.requests).toHaveLength(1);
    expect(other.requests).toHaveLength(0);
    expect(other.totalConnections()).toBe(0);
  });

  it('refuses a redirect to the same host on another scheme', async () => {
    context.server.handler = (_request, reply) => reply.redirect(302, `https://127.0.0.1:${context.server.port}/v1/models`);
    const error = await failure(request(context.client(), { method: 'GET', path: '/models' }));
    expect(RedirectError.isInstance(error)).toBe(true);
    expect(error.location).toBe(`https://127.0.0.1:${context.server.port}`);
  });

  it('follows a same-origin redirect, relative or absolute, with the credentials', async () => {
    context.server.handler = (seen, reply) => {
      if (seen.path === '/v1/models') return reply.redirect(302, '/v2/models?page=2');
      if (seen.path === '/v2/models') return reply.redirect(301, `${context.server.url}/v3/models`);
      return reply.json(200, { object: 'list', data: [], at: seen.url });
    };
    expect(await request(context.client(), { method: 'GET', path: '/models' })).toEqual({ object: 'list', data: [], at: '/v3/models' });
    expect(context.server.requests.map((seen) => seen.path)).toEqual(['/v1/models', '/v2/models', '/v3/models']);
    for (const seen of context.server.requests) expect(seen.headers.authorization).toBe(`Bearer ${testApiKey}`);
  });

  it('re-sends a POST body on a same-origin 307 and switches to GET on a 303', async () => {
    context.server.handler = (seen, reply) => {
      if (seen.path === '/v1/chat/completions') return reply.redirect(307, '/v1/moved');
      if (seen.path === '/v1/moved') return reply.redirect(303, '/v1/result');
      return reply.json(200, { method: seen.method });
    };
    const result = await request(context.client(), { method: 'POST', path: '/chat/completions', body: { temperature: 0 } });
    expect(result).toEqual({ method: 'GET' });
    const [first, second, third] = context.server.requests;
    expect(first?.body.toString()).toBe('{"temperature":0}');
    expect(second?.method).toBe('POST');
    expect(second?.body.toString()).toBe('{"temperature":0}');
    expect(third?.method).toBe('GET');
    expect(third?.body.length).toBe(0);
    expect(third?.headers['content-type']).toBeUndefined();
  });

  it('stops a same-origin redirect loop with a RedirectError', async () => {
    context.server.handler = (_request, reply) => reply.redirect(302, '/v1/models');
    const error = await failure(request(context.client(), { method: 'GET', path: '/models' }));
    expect(RedirectError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/too many redirects/i);
    expect(context.server.requests.length).toBeLessThanOrEqual(21);
  });

  it('refuses a redirect without a Location', async () => {
    context.server.handler = (_request, reply) => reply.send(302, '');
    const error = await failure(request(context.client(), { method: 'GET', path: '/models' }));
    expect(RedirectError.isInstance(error)).toBe(true);
    expect(error.status).toBe(302);
  });
});
