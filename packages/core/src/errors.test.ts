import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type LoopbackServer, startLoopbackServer } from '@openai-micro/tooling/loopback';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ClientOptions, createClient } from './client.js';
import {
  APIError,
  ConnectionError,
  createAPIError,
  isAuthenticationError,
  isBadRequestError,
  isContentFilterError,
  isNotFoundError,
  isPermissionDeniedError,
  isRateLimitError,
  isServerError,
  OpenAIMicroError,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
} from './errors.js';
import { getResponseMetadata } from './metadata.js';
import { request } from './request-json.js';
import { rejectionOf, transports } from './test-support.test-helper.js';

const key = 'sk-test-SECRET-abcdef123456';

// Tests read typed fields off the caught error after asserting its class.
const failure = rejectionOf as (promise: Promise<unknown>) => Promise<any>;

describe.each(transports)('error responses over %s', (_name, transport) => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer((_request, reply) => reply.json(200, {}));
  });
  afterAll(() => server.close());
  afterEach(() => {
    server.requests.length = 0;
    expect(server.handlerErrors).toEqual([]);
  });

  const call = (options: ClientOptions = {}) =>
    request(createClient({ apiKey: key, baseURL: `${server.url}/v1`, maxRetries: 0, ...transport, ...options }), {
      method: 'POST',
      path: '/chat/completions',
      body: { model: 'gpt-4o-mini' },
    });

  it('parses an OpenAI error body: message, type, param, code and the request id', async () => {
    server.handler = (_request, reply) =>
      reply.json(
        400,
        { error: { message: "Invalid value for 'temperature'.", type: 'invalid_request_error', param: 'temperature', code: 'invalid_value' } },
        { 'x-request-id': 'req_abc123' },
      );
    const error = await failure(call());
    expect(APIError.isInstance(error)).toBe(true);
    expect(error.name).toBe('APIError');
    expect(error.status).toBe(400);
    expect(error.message).toContain("Invalid value for 'temperature'.");
    expect(error.type).toBe('invalid_request_error');
    expect(error.param).toBe('temperature');
    expect(error.code).toBe('invalid_value');
    expect(error.requestId).toBe('req_abc123');
    expect(error.headers.get('x-request-id')).toBe('req_abc123');
    expect(isBadRequestError(error)).toBe(true);
    expect(isRateLimitError(error)).toBe(false);
  });

  it('keeps a numeric code and a null code as they came', async () => {
    server.handler = (_request, reply) => reply.json(400, { error: { message: 'bad', type: 'invalid_request_error', param: null, code: 400 } });
    const numeric = await failure(call());
    expect(numeric.code).toBe(400);
    expect(numeric.param).toBeUndefined();
    server.handler = (_request, reply) => reply.json(429, { error: { message: 'slow down', type: 'requests', param: null, code: null } }, { 'x-should-retry': 'false' });
    const empty = await failure(call());
    expect(empty.code).toBeNull();
    expect(isRateLimitError(empty)).toBe(true);
  });

  it('joins a message sent as an array of strings', async () => {
    server.handler = (_request, reply) => reply.json(422, { error: { message: ['messages: field required', 'model: field required'], type: 'invalid_request_error' } });
    const error = await failure(call());
    expect(error.message).toContain('messages: field required');
    expect(error.message).toContain('model: field required');
    expect(isBadRequestError(error)).toBe(true);
  });

  it('reads a compatible server\'s { error: "text" } and { detail }', async () => {
    server.handler = (_request, reply) => reply.json(404, { error: 'model "llama9" not found, try pulling it first' });
    const plain = await failure(call());
    expect(plain.message).toContain('model "llama9" not found');
    expect(isNotFoundError(plain)).toBe(true);
    server.handler = (_request, reply) => reply.json(401, { detail: 'Not authenticated' });
    const detail = await failure(call());
    expect(detail.message).toContain('Not authenticated');
    expect(isAuthenticationError(detail)).toBe(true);
  });

  it('carries Azure innererror with content-filter results', async () => {
    const content_filter_result = {
      hate: { filtered: false, severity: 'safe' },
      self_harm: { filtered: false, severity: 'safe' },
      sexual: { filtered: false, severity: 'safe' },
      violence: { filtered: true, severity: 'medium' },
      jailbreak: { filtered: false, detected: false },
    };
    server.handler = (_request, reply) =>
      reply.json(400, {
        error: {
          message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
          type: null,
          param: 'prompt',
          code: 'content_filter',
          status: 400,
          innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result },
        },
      });
    const error = await failure(call());
    expect(isContentFilterError(error)).toBe(true);
    expect(error.code).toBe('content_filter');
    expect(error.innerError?.code).toBe('ResponsibleAIPolicyViolation');
    expect(error.innerError?.content_filter_result?.violence).toEqual({ filtered: true, severity: 'medium' });
    expect(error.type).toBeUndefined();
  });

  it('turns an HTML 502 page from a proxy into an APIError with a short excerpt', async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>${'<!-- padding -->'.repeat(200)}</body></html>`;
    server.handler = (_request, reply) => reply.send(502, page, { 'content-type': 'text/html' });
    const error = await failure(call());
    expect(APIError.isInstance(error)).toBe(true);
    expect(error.status).toBe(502);
    expect(isServerError(error)).toBe(true);
    expect(error.message).toContain('502 Bad Gateway');
    expect(error.message.length).toBeLessThan(800);
    expect(typeof error.body).toBe('string');
    expect(error.body.length).toBeLessThan(page.length);
    expect(error.type).toBeUndefined();
  });

  it('turns an empty 500 into an APIError saying there was no body', async () => {
    server.handler = (_request, reply) => reply.send(500, '');
    const error = await failure(call());
    expect(APIError.isInstance(error)).toBe(true);
    expect(error.status).toBe(500);
    expect(error.message).toMatch(/500.*no body/);
    expect(error.body).toBeUndefined();
  });

  it('keeps the start of a huge error body instead of reporting none', async () => {
    server.handler = (_request, reply) => reply.send(500, `<html>upstream exploded ${'x'.repeat(300_000)}</html>`, { 'content-type': 'text/html' });
    const error = await failure(call());
    expect(error.status).toBe(500);
    expect(error.message).toContain('upstream exploded');
  });

  it('recognises the status guards', async () => {
    const statuses: [number, (error: unknown) => boolean][] = [
      [401, isAuthenticationError],
      [403, isPermissionDeniedError],
      [404, isNotFoundError],
      [400, isBadRequestError],
      [429, isRateLimitError],
      [503, isServerError],
    ];
    for (const [status, guard] of statuses) {
      server.handler = (_request, reply) => reply.json(status, { error: { message: `status ${status}` } });
      const error = await failure(call());
      expect(guard(error), String(status)).toBe(true);
      for (const [other, otherGuard] of statuses) if (other !== status) expect(otherGuard(error), `${other} guard on ${status}`).toBe(false);
    }
  });

  it('never lets the API key into an error, even when the server echoes it', async () => {
    server.handler = (seen, reply) => reply.json(401, { error: { message: `Incorrect API key provided: ${String(seen.headers.authorization)}`, code: 'invalid_api_key' } });
    const error = await failure(call());
    expect(isAuthenticationError(error)).toBe(true);
    for (const form of [error.message, error.stack, JSON.stringify(error.body), (await import('node:util')).inspect(error, { depth: 10 })]) {
      expect(form).not.toContain('SECRET');
    }
    expect(error.message).toContain('Incorrect API key provided');
  });

  describe('unusable 2xx bodies', () => {
    const cases: [string, string, RegExp][] = [
      ['an empty body', '', /empty body/],
      ['an HTML page', '<!doctype html><html><body>Sign in to the captive portal</body></html>', /HTML/],
      ['truncated JSON', '{"id":"chatcmpl-1","choices":[{"message":{"content":"Hel', /truncated or malformed JSON/],
      ['JSON null', 'null', /null/],
      ['a JSON string', '"ok"', /string/],
    ];
    it.each(cases)('refuses %s with a ResponseParseError and a body excerpt', async (_label, body, pattern) => {
      server.handler = (_request, reply) => reply.send(200, body, { 'content-type': 'application/json' });
      const error = await failure(call({ maxRetries: 2 }));
      expect(ResponseParseError.isInstance(error)).toBe(true);
      expect(error.name).toBe('ResponseParseError');
      expect(error.status).toBe(200);
      expect(error.message).toMatch(pattern);
      expect(error.bodyExcerpt).toBe(body);
      // A parse error is the server's answer, not a transient failure: no retry.
      expect(server.requests).toHaveLength(1);
    });
  });

  it('decodes a gzip body', async () => {
    server.handler = (_request, reply) => reply.gzip(200, JSON.stringify({ id: 'chatcmpl-gz', text: 'é'.repeat(1000) }), { 'content-type': 'application/json' });
    const result = await call();
    expect(result).toEqual({ id: 'chatcmpl-gz', text: 'é'.repeat(1000) });
    expect(getResponseMetadata(result)?.status).toBe(200);
  });

  it('stops a gzip bomb at maxResponseBytes, counting decompressed bytes', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(128 * 1024);
    server.handler = (_request, reply) => reply.send(200, bomb, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    const error = await failure(call({ maxResponseBytes: 1024 * 1024 }));
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    expect(error.option).toBe('maxResponseBytes');
    expect(error.limit).toBe(1024 * 1024);
  });

  it('lets one call lower or raise the client\'s maxResponseBytes', async () => {
    const big = { text: 'x'.repeat(8 * 1024) };
    server.handler = (_request, reply) => reply.json(200, big);
    const client = createClient({ apiKey: key, baseURL: `${server.url}/v1`, maxRetries: 0, ...transport, maxResponseBytes: 4 * 1024 });
    const operation = { method: 'POST', path: '/chat/completions', body: {} } as const;
    const refused = await failure(request(client, operation));
    expect(ResponseTooLargeError.isInstance(refused)).toBe(true);
    expect(refused.limit).toBe(4 * 1024);
    expect(await request(client, operation, { maxResponseBytes: 64 * 1024 })).toEqual(big);
    const lowered = await failure(request(createClient({ apiKey: key, baseURL: `${server.url}/v1`, ...transport }), operation, { maxResponseBytes: 1024 }));
    expect(lowered.limit).toBe(1024);
  });

  it('stops a 100 MB body at maxResponseBytes without reading it all, and frees the socket', async () => {
    let sent = 0;
    const total = 100 * 1024 * 1024;
    let disconnected: Promise<void> | undefined;
    server.handler = async (_request, reply) => {
      disconnected = reply.disconnected;
      await reply.head(200, { 'content-type': 'application/json', 'content-length': String(total) });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      while (!reply.socket.destroyed && !reply.response.destroyed && sent < total) {
        await reply.write(chunk);
        sent += chunk.length;
      }
    };
    const error = await failure(call({ maxResponseBytes: 256 * 1024 }));
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    // The client closed that very socket instead of draining 100 MB through it.
    await expect(Promise.race([disconnected, new Promise((resolve) => setTimeout(resolve, 2000, 'still open'))])).resolves.toBeUndefined();
    expect(sent).toBeLessThan(total / 4);
  });
});

describe('createAPIError', () => {
  it('keeps unknown fields of the error body', () => {
    const error = createAPIError(400, new Headers(), JSON.stringify({ error: { message: 'x', type: 't', extra: 42 } }));
    expect(error.body).toMatchObject({ extra: 42 });
  });

  it('summarises a non-object JSON body', () => {
    const error = createAPIError(500, new Headers(), '"upstream failed"');
    expect(error.message).toContain('upstream failed');
  });
});

describe('isInstance across two copies of core', () => {
  const packageRoot = fileURLToPath(new URL('..', import.meta.url));
  let directory: string;
  let copyA: typeof import('./index.js');
  let copyB: typeof import('./index.js');
  let server: LoopbackServer;

  beforeAll(async () => {
    // Two installed copies of the built package, as a bundler or npm might leave
    // them side by side: separate files, so separate module instances and classes.
    directory = mkdtempSync(join(tmpdir(), 'openai-micro-copies-'));
    for (const copy of ['a', 'b']) {
      const root = join(directory, copy);
      cpSync(join(packageRoot, 'dist'), join(root, 'dist'), { recursive: true });
      cpSync(join(packageRoot, 'package.json'), join(root, 'package.json'));
      symlinkSync(join(packageRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
    }
    copyA = await import(/* @vite-ignore */ pathToFileURL(join(directory, 'a', 'dist', 'index.js')).href);
    copyB = await import(/* @vite-ignore */ pathToFileURL(join(directory, 'b', 'dist', 'index.js')).href);
    server = await startLoopbackServer((_request, reply) => reply.json(429, { error: { message: 'Rate limit reached', type: 'requests' } }, { 'x-should-retry': 'false' }));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('loads genuinely different classes', () => {
    expect(copyA.APIError).not.toBe(copyB.APIError);
    expect(copyA.APIError).not.toBe(APIError);
  });

  it('recognises an error thrown by the other copy, by class and guard', async () => {
    const client = copyB.createClient({ apiKey: key, baseURL: server.url, maxRetries: 0 });
    const error = await failure(copyB.request(client, { method: 'GET', path: '/models' }));
    expect(error instanceof copyA.APIError).toBe(false);
    expect(copyA.APIError.isInstance(error)).toBe(true);
    expect(copyA.OpenAIMicroError.isInstance(error)).toBe(true);
    expect(copyA.isRateLimitError(error)).toBe(true);
    expect(APIError.isInstance(error)).toBe(true);
    expect(isRateLimitError(error)).toBe(true);
    expect(copyA.TimeoutError.isInstance(error)).toBe(false);
    expect(copyA.ConnectionError.isInstance(error)).toBe(false);
  });

  it('tells subclasses apart across copies and refuses look-alikes', () => {
    const timeout = new copyB.TimeoutError('request', 10);
    expect(copyA.TimeoutError.isInstance(timeout)).toBe(true);
    expect(copyA.APIError.isInstance(timeout)).toBe(false);
    expect(copyA.OpenAIMicroError.isInstance(timeout)).toBe(true);
    const lookalike = Object.assign(new Error('x'), { name: 'APIError', status: 429 });
    expect(APIError.isInstance(lookalike)).toBe(false);
    expect(isRateLimitError(lookalike)).toBe(false);
    expect(OpenAIMicroError.isInstance(null)).toBe(false);
    expect(TimeoutError.isInstance('TimeoutError')).toBe(false);
    expect(ConnectionError.isInstance(new ConnectionError('x'))).toBe(true);
  });
});
