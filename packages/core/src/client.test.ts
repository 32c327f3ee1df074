import { inspect } from 'node:util';
import { type LoopbackServer, startLoopbackServer } from '@openai-micro/tooling/loopback';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ClientOptions, createClient } from './client.js';
import { ConfigurationError, InputRejectedError } from './errors.js';
import { request } from './request-json.js';
import { transports } from './test-support.test-helper.js';

const key = 'sk-test-SECRET-1234567890';

describe('createClient options', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('takes an explicit apiKey over OPENAI_API_KEY', () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-env');
    const client = createClient({ apiKey: key, baseURL: 'http://127.0.0.1:1' });
    expect(client.kind).toBe('openai');
  });

  it('refuses a missing key with a ConfigurationError naming both the option and the variable', () => {
    vi.stubEnv('OPENAI_API_KEY', undefined as unknown as string);
    let caught: unknown;
    try {
      createClient();
    } catch (error) {
      caught = error;
    }
    expect(ConfigurationError.isInstance(caught)).toBe(true);
    expect((caught as Error).name).toBe('ConfigurationError');
    expect((caught as Error).message).toContain('apiKey');
    expect((caught as Error).message).toContain('OPENAI_API_KEY');
  });

  it('uses https://api.openai.com/v1 by default and OPENAI_BASE_URL when set', () => {
    vi.stubEnv('OPENAI_BASE_URL', undefined as unknown as string);
    expect(createClient({ apiKey: key }).baseURL).toBe('https://api.openai.com/v1');
    vi.stubEnv('OPENAI_BASE_URL', 'http://localhost:8080/v1/');
    expect(createClient({ apiKey: key }).baseURL).toBe('http://localhost:8080/v1');
    expect(createClient({ apiKey: key, baseURL: 'http://example.test/api' }).baseURL).toBe('http://example.test/api');
  });

  it('refuses a baseURL that is not an absolute http(s) URL', () => {
    for (const baseURL of ['not a url', '/v1', 'ftp://example.test/v1']) {
      let caught: unknown;
      try {
        createClient({ apiKey: key, baseURL });
      } catch (error) {
        caught = error;
      }
      expect(ConfigurationError.isInstance(caught), baseURL).toBe(true);
      expect((caught as Error).message).toContain('baseURL');
    }
  });

  it('refuses unusable numbers for timeouts, sizes and counts', () => {
    const bad: ClientOptions[] = [
      { timeout: 0 },
      { timeout: -1 },
      { timeout: Number.NaN },
      { streamIdleTimeout: 0 },
      { maxRetries: -1 },
      { maxRetries: Number.NaN },
      { maxRetries: 1.5 },
      { maxResponseBytes: 0 },
      { maxEventBytes: -5 },
      { emptyMessagesLimit: -1 },
      { timeout: '1000' as unknown as number },
    ];
    for (const options of bad) {
      let caught: unknown;
      try {
        createClient({ apiKey: key, baseURL: 'http://127.0.0.1:1', ...options });
      } catch (error) {
        caught = error;
      }
      const name = Object.keys(options)[0] ?? '';
      expect(ConfigurationError.isInstance(caught), JSON.stringify(options)).toBe(true);
      expect((caught as Error).message).toContain(name);
    }
    expect(createClient({ apiKey: key, baseURL: 'http://127.0.0.1:1', timeout: Number.POSITIVE_INFINITY, maxRetries: 0, emptyMessagesLimit: 0 }).kind).toBe('openai');
  });

  it('returns a frozen plain object', () => {
    const client = createClient({ apiKey: key, baseURL: 'http://127.0.0.1:1', organization: 'org-1' });
    expect(Object.isFrozen(client)).toBe(true);
    expect(() => {
      (client as { baseURL: string }).baseURL = 'http://evil.test';
    }).toThrow(TypeError);
    expect(client.baseURL).toBe('http://127.0.0.1:1');
  });

  it('never shows the key in String(), inspect(), JSON or its enumerable properties', () => {
    const client = createClient({ apiKey: key, baseURL: 'http://127.0.0.1:1', organization: 'org-1', project: 'proj-1' });
    const forms = [
      String(client),
      `${client}`,
      inspect(client),
      inspect(client, { showHidden: true, depth: 10 }),
      JSON.stringify(client),
      JSON.stringify({ nested: client }),
      Object.keys(client).join(','),
      Object.values(client).join(','),
    ];
    for (const form of forms) expect(form).not.toContain('SECRET');
    expect(JSON.parse(JSON.stringify(client))).toEqual({ kind: 'openai', baseURL: 'http://127.0.0.1:1', organization: 'org-1', project: 'proj-1' });
  });

  describe('browser guard', () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'window');
    afterEach(() => {
      if (original) Object.defineProperty(globalThis, 'window', original);
      else delete (globalThis as { window?: unknown }).window;
    });

    it('refuses an API key where a DOM is present unless dangerouslyAllowBrowser', () => {
      (globalThis as { window?: unknown }).window = { document: {} };
      let caught: unknown;
      try {
        createClient({ apiKey: key, baseURL: 'http://127.0.0.1:1' });
      } catch (error) {
        caught = error;
      }
      expect(ConfigurationError.isInstance(caught)).toBe(true);
      expect((caught as Error).message).toContain('dangerouslyAllowBrowser');
      expect((caught as Error).message).not.toContain('SECRET');
      expect(createClient({ apiKey: key, baseURL: 'http://127.0.0.1:1', dangerouslyAllowBrowser: true }).kind).toBe('openai');
      // A keyless client for a local server carries no secret to protect.
      expect(createClient({ apiKey: '', baseURL: 'http://127.0.0.1:1' }).kind).toBe('openai');
    });

    it('does not trigger on a window without a document (a worker-like global)', () => {
      (globalThis as { window?: unknown }).window = {};
      expect(createClient({ apiKey: key, baseURL: 'http://127.0.0.1:1' }).kind).toBe('openai');
    });
  });
});

describe.each(transports)('requests over %s', (_name, transport) => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer((_request, reply) => reply.json(200, { object: 'ok' }));
  });
  afterAll(() => server.close());
  afterEach(() => {
    server.requests.length = 0;
    server.handler = (_request, reply) => reply.json(200, { object: 'ok' });
    vi.unstubAllEnvs();
  });

  const make = (options: ClientOptions = {}) => createClient({ apiKey: key, baseURL: `${server.url}/v1`, ...transport, ...options });

  it('sends the key as a Bearer token, with organization and project headers', async () => {
    await request(make({ organization: 'org-123', project: 'proj_456' }), { method: 'GET', path: '/models' });
    const [seen] = server.requests;
    expect(seen?.path).toBe('/v1/models');
    expect(seen?.headers.authorization).toBe(`Bearer ${key}`);
    expect(seen?.headers['openai-organization']).toBe('org-123');
    expect(seen?.headers['openai-project']).toBe('proj_456');
  });

  it('reads OPENAI_API_KEY when no apiKey is given', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-env');
    await request(createClient({ baseURL: `${server.url}/v1`, ...transport }), { method: 'GET', path: '/models' });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-from-env');
  });

  it('sends no Authorization header for an explicitly empty key, even with OPENAI_API_KEY set', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-env');
    await request(make({ apiKey: '' }), { method: 'GET', path: '/models' });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(server.requests[0]?.headers['openai-organization']).toBeUndefined();
  });

  it('merges client and call headers and query: the call wins, null removes', async () => {
    const client = make({
      headers: { 'X-Team': 'client', 'X-Trace': 'client', 'X-Drop': 'client', 'OpenAI-Organization': 'org-from-headers' },
      query: { region: 'eu', flavour: 'client', drop: 'me' },
    });
    await request(
      client,
      { method: 'GET', path: '/models', query: { limit: 2 } },
      { headers: { 'x-trace': 'call', 'X-Drop': null, 'X-Extra': 'call' }, query: { flavour: 'call', drop: null, tags: ['a', 'b'] } },
    );
    const [seen] = server.requests;
    expect(seen?.headers['x-team']).toBe('client');
    expect(seen?.headers['x-trace']).toBe('call');
    expect(seen?.headers['x-drop']).toBeUndefined();
    expect(seen?.headers['x-extra']).toBe('call');
    expect(seen?.headers['openai-organization']).toBe('org-from-headers');
    expect(seen?.query.get('region')).toBe('eu');
    expect(seen?.query.get('limit')).toBe('2');
    expect(seen?.query.getAll('flavour')).toEqual(['call']);
    expect(seen?.query.has('drop')).toBe(false);
    expect(seen?.query.getAll('tags')).toEqual(['a', 'b']);
  });

  it('lets a call remove the Authorization header with null', async () => {
    await request(make(), { method: 'GET', path: '/models' }, { headers: { Authorization: null } });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('keeps explicit zero values in JSON bodies', async () => {
    const body = { model: 'gpt-4o-mini', temperature: 0, n: 0, top_p: 0, stream: false, logprobs: false, user: '', stop: [], presence_penalty: -0, missing: undefined };
    await request(make(), { method: 'POST', path: '/chat/completions', body });
    const [seen] = server.requests;
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen?.body.toString() ?? '')).toEqual({ model: 'gpt-4o-mini', temperature: 0, n: 0, top_p: 0, stream: false, logprobs: false, user: '', stop: [], presence_penalty: 0 });
  });

  it('sends an Idempotency-Key on POST, the same across the retries of one call and different between calls', async () => {
    let count = 0;
    server.handler = (_request, reply) => (++count % 2 === 1 ? reply.json(500, { error: { message: 'flaky' } }, { 'retry-after-ms': '5' }) : reply.json(200, { object: 'ok' }));
    const client = make({ maxRetries: 2 });
    const onRetry = vi.fn();
    await request(client, { method: 'POST', path: '/chat/completions', body: {} }, {});
    await request(createClient({ apiKey: key, baseURL: `${server.url}/v1`, ...transport, onRetry }), { method: 'POST', path: '/chat/completions', body: {} });
    expect(onRetry).toHaveBeenCalledTimes(1);
    const keys = server.requests.map((seen) => seen.headers['idempotency-key']);
    expect(keys).toHaveLength(4);
    for (const value of keys) expect(value).toMatch(/^openai-micro-[0-9a-f]{32}$/);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).toBe(keys[3]);
    expect(keys[0]).not.toBe(keys[2]);
    await request(client, { method: 'GET', path: '/models' });
    expect(server.requests.at(-1)?.headers['idempotency-key']).toBeUndefined();
  });

  it('refuses CR/LF in client header values before sending anything', async () => {
    const client = make({ headers: { 'X-Injected': 'a\r\nX-Evil: 1' } });
    const error = await request(client, { method: 'GET', path: '/models' }).catch((caught: unknown) => caught);
    expect(InputRejectedError.isInstance(error)).toBe(true);
    expect((error as InputRejectedError).field).toBe('headers');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses CR/LF in call header values before sending anything', async () => {
    for (const value of ['a\nb', 'a\rb', 'a\r\nX-Evil: 1']) {
      const error = await request(make(), { method: 'GET', path: '/models' }, { headers: { 'X-Injected': value } }).catch((caught: unknown) => caught);
      expect(InputRejectedError.isInstance(error), JSON.stringify(value)).toBe(true);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('refuses CR/LF in organization, project and the API key, without echoing the key', async () => {
    for (const options of [{ organization: 'org\r\nX-Evil: 1' }, { project: 'p\nq' }, { apiKey: 'sk-SECRET\r\nX-Evil: 1' }]) {
      const error = await request(make(options), { method: 'GET', path: '/models' }).catch((caught: unknown) => caught);
      expect(InputRejectedError.isInstance(error), JSON.stringify(options)).toBe(true);
      expect(String((error as Error).message)).not.toContain('SECRET');
      expect(String((error as Error).stack)).not.toContain('SECRET');
    }
    expect(server.requests).toHaveLength(0);
  });
});
