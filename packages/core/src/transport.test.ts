import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { type LoopbackServer, startLoopbackServer } from '@openai-micro/tooling/loopback';
import { Agent, type Dispatcher, ProxyAgent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getResponseMetadata } from './metadata.js';
import { request } from './request-json.js';
import { testApiKey, transports, useLoopbackServer } from './test-support.test-helper.js';

const distEntry = fileURLToPath(new URL('../dist/index.js', import.meta.url));

/** A tiny forward proxy: absolute-URI requests and CONNECT tunnels, each recorded. */
async function startForwardProxy(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((incoming: IncomingMessage, outgoing) => {
    seen.push(`${incoming.method} ${incoming.url}`);
    const upstream = httpRequest(incoming.url ?? '', { method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (incoming: IncomingMessage, client: Socket, head: Buffer) => {
    seen.push(`CONNECT ${incoming.url}`);
    const [host, port] = (incoming.url ?? '').split(':');
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe.each(transports)('the same request over %s', (name, transport) => {
  const context = useLoopbackServer(transport);

  it('sends method, path, query, headers and a JSON body, and returns the JSON with its metadata', async () => {
    context.server.handler = (_request, reply) => reply.json(200, { id: 'chatcmpl-1' }, { 'x-request-id': 'req_1', 'x-ratelimit-remaining-requests': '59' });
    const result = await request(context.client(), { method: 'POST', path: '/chat/completions', query: { 'api-version': 'x' }, body: { model: 'm' } });
    expect(result).toEqual({ id: 'chatcmpl-1' });
    const metadata = getResponseMetadata(result);
    expect(metadata?.status).toBe(200);
    expect(metadata?.requestId).toBe('req_1');
    const [seen] = context.server.requests;
    expect(seen?.method).toBe('POST');
    expect(seen?.url).toBe('/v1/chat/completions?api-version=x');
    expect(seen?.headers.accept).toBe('application/json');
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.headers['content-length']).toBe(String(seen?.body.length));
    expect(JSON.parse(seen?.body.toString() ?? '')).toEqual({ model: 'm' });
    expect(seen?.headers['accept-encoding']).toMatch(/gzip/);
    expect(metadata?.transport).toBe(name);
  });

  it('gives response headers that act as a Headers however they are first read', async () => {
    context.server.handler = (_request, reply) => reply.json(200, { ok: true }, { 'x-request-id': 'req_2', 'set-cookie': ['a=1', 'b=2'], 'X-Mixed-Case': 'kept' });
    const client = context.client();
    const read = async () => getResponseMetadata(await request(client, { method: 'GET', path: '/models' })).headers;
    const first = await read();
    expect(first).toBeInstanceOf(Headers);
    expect(first.get('X-Request-ID')).toBe('req_2');
    expect(first.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(Object.fromEntries(await read())).toMatchObject({ 'x-request-id': 'req_2', 'x-mixed-case': 'kept' });
    expect(new Headers(await read()).get('x-mixed-case')).toBe('kept');
    expect(new Response(null, { headers: await read() }).headers.get('x-request-id')).toBe('req_2');
    const visited: string[] = [];
    (await read()).forEach((_value, key) => {
      visited.push(key);
    });
    expect(visited).toContain('x-request-id');
    expect([...(await read()).keys()]).toContain('set-cookie');
    expect((await read()).has('x-mixed-case')).toBe(true);
    expect(inspect(await read())).toContain('req_2');
  });

  it('reuses a kept-alive connection for sequential requests', async () => {
    context.server.handler = (_request, reply) => reply.json(200, { ok: true });
    const client = context.client();
    await request(client, { method: 'GET', path: '/models' });
    const opened = context.server.totalConnections();
    // fetch returns a socket to its pool a macrotask after the body was read.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await request(client, { method: 'GET', path: '/models' });
    await request(client, { method: 'GET', path: '/models' });
    expect(context.server.totalConnections()).toBe(opened);
  });
});

describe('choosing the transport', () => {
  const context = useLoopbackServer();
  beforeEach(() => {
    context.server.handler = (_request, reply) => reply.json(200, { ok: true });
  });

  it('uses a client fetch for every call, and a per-call fetch over it', async () => {
    const calls: string[] = [];
    const clientFetch: typeof fetch = (input, init) => {
      calls.push(`client ${String(input)}`);
      expect(init?.redirect).toBe('manual');
      return fetch(input, init);
    };
    const callFetch: typeof fetch = (input, init) => {
      calls.push(`call ${String(input)}`);
      return fetch(input, init);
    };
    const client = context.client({ fetch: clientFetch });
    await request(client, { method: 'GET', path: '/models' });
    await request(client, { method: 'GET', path: '/files' }, { fetch: callFetch });
    expect(calls).toEqual([`client ${context.server.url}/v1/models`, `call ${context.server.url}/v1/files`]);
    expect(context.server.requests).toHaveLength(2);
  });

  it('uses a per-call fetch on a client that has none', async () => {
    let count = 0;
    await request(context.client(), { method: 'GET', path: '/models' }, {
        fetch: (input, init) => {
          count++;
          return fetch(input, init);
        },
      });
    expect(count).toBe(1);
  });

  it('sends through a caller-supplied undici dispatcher', async () => {
    const agent = new Agent();
    let dispatched = 0;
    const counting = Object.assign(Object.create(agent) as Dispatcher, {
      dispatch: (options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) => {
        dispatched++;
        return agent.dispatch(options, handler);
      },
    });
    try {
      await request(context.client({ dispatcher: counting }), { method: 'GET', path: '/models' });
      await request(context.client({ dispatcher: counting }), { method: 'GET', path: '/files' });
      expect(dispatched).toBe(2);
    } finally {
      await agent.close();
    }
  });

  describe('through a forward proxy (go-openai proxy example)', () => {
    let proxy: Awaited<ReturnType<typeof startForwardProxy>>;
    beforeAll(async () => {
      proxy = await startForwardProxy();
    });
    afterAll(() => proxy.close());
    beforeEach(() => {
      proxy.seen.length = 0;
    });

    it.each([
      ['an absolute-URI request', false],
      ['a CONNECT tunnel', true],
    ])('with a ProxyAgent dispatcher, as %s', async (_label, proxyTunnel) => {
      const agent = new ProxyAgent({ uri: proxy.url, proxyTunnel });
      try {
        const result = await request(context.client({ dispatcher: agent }), { method: 'GET', path: '/models' });
        expect(result).toEqual({ ok: true });
        const target = new URL(context.server.url);
        expect(proxy.seen).toEqual([proxyTunnel ? `CONNECT ${target.host}` : `GET ${context.server.url}/v1/models`]);
        expect(context.server.requests[0]?.headers.authorization).toBe(`Bearer ${testApiKey}`);
      } finally {
        await agent.close();
      }
    });

    it('honours HTTP_PROXY with the default Node transport', async () => {
      expect(existsSync(distEntry), 'build core first (pnpm --filter @openai-micro/core build)').toBe(true);
      const script = `
        import { createClient, request } from ${JSON.stringify(distEntry)};
        const client = createClient({ apiKey: 'sk-child', baseURL: process.env.TARGET, maxRetries: 0, timeout: 3000 });
        const result = await request(client, { method: 'GET', path: '/models' });
        console.log(JSON.stringify(result));
      `;
      const child = await runNode(script, { TARGET: `${context.server.url}/v1`, HTTP_PROXY: proxy.url, http_proxy: proxy.url, NO_PROXY: '', no_proxy: '' });
      expect(child.stderr).toBe('');
      expect(child.code).toBe(0);
      expect(JSON.parse(child.stdout)).toEqual({ ok: true });
      // EnvHttpProxyAgent tunnels with CONNECT; either way the request went through the proxy.
      expect(proxy.seen).toHaveLength(1);
      expect(proxy.seen[0]).toContain(new URL(context.server.url).host);
    });
  });
});

function runNode(script: string, environment: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; elapsed: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 8000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, elapsed: Date.now() - started });
    });
  });
}

describe('process lifetime', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    // A long server keep-alive, so only the client can be what lets the process exit.
    server = await startLoopbackServer((_request, reply) => reply.json(200, { ok: true }), { keepAliveTimeoutMs: 30_000 });
  });
  afterAll(() => server.close());

  it.each([
    ['the default Node transport', ''],
    ['the fetch transport', ', fetch: globalThis.fetch'],
  ])('lets a process exit right after a request with %s', async (_label, extra) => {
    expect(existsSync(distEntry), 'build core first (pnpm --filter @openai-micro/core build)').toBe(true);
    const script = `
      import { createClient, request } from ${JSON.stringify(distEntry)};
      const client = createClient({ apiKey: 'sk-child', baseURL: process.env.TARGET${extra} });
      const result = await request(client, { method: 'GET', path: '/models' });
      console.log(JSON.stringify(result));
    `;
    const child = await runNode(script, { TARGET: `${server.url}/v1` });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('{"ok":true}');
    expect(child.code).toBe(0);
    expect(child.elapsed).toBeLessThan(2000);
  });
});
