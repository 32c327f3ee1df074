import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type LoopbackHandler, type LoopbackServer, splitAt, startLoopbackServer, withLoopbackServer } from './loopback-server';

const openServers: LoopbackServer[] = [];

afterEach(async () => {
  await Promise.all(openServers.splice(0).map((server) => server.close()));
});

async function serve(handler: LoopbackHandler): Promise<LoopbackServer> {
  const server = await startLoopbackServer(handler);
  openServers.push(server);
  return server;
}

interface RawExchange {
  /** Each 'data' event the client socket saw, in order. */
  reads: Buffer[];
  /** Everything received, concatenated. */
  bytes: Buffer;
  error: (Error & { code?: string }) | undefined;
}

// A bare TCP client: the only way to see bytes exactly as the server framed
// them, without an HTTP parser merging or rejecting anything.
function rawExchange(port: number, requestText: string): Promise<RawExchange> {
  return new Promise((resolve) => {
    const reads: Buffer[] = [];
    let error: RawExchange['error'];
    const socket = connect(port, '127.0.0.1', () => socket.write(requestText));
    socket.on('data', (chunk: Buffer) => reads.push(chunk));
    socket.on('error', (socketError) => {
      error = socketError;
    });
    socket.on('close', () => resolve({ reads, bytes: Buffer.concat(reads), error }));
  });
}

function nodeGet(url: string, agent?: Agent): Promise<{ response: IncomingMessage; reads: Buffer[] }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { agent }, (response) => {
      const reads: Buffer[] = [];
      response.on('data', (chunk: Buffer) => reads.push(chunk));
      response.on('end', () => resolve({ response, reads }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function fetchErrorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code;
}

describe('startLoopbackServer', () => {
  it('listens on 127.0.0.1 only', async () => {
    const server = await serve((_request, reply) => reply.send(200, 'ok'));
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('records method, url, path, query, headers and body before the handler runs', async () => {
    const seenByHandler: unknown[] = [];
    const server = await serve((request, reply) => {
      seenByHandler.push(server.requests.includes(request));
      return reply.json(201, { ok: true });
    });

    const body = JSON.stringify({ model: 'gpt-4o-mini', input: 'héllo' });
    const response = await fetch(`${server.url}/v1/responses?stream=false&tag=a%20b&tag=c`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Custom-Header': 'value' },
      body,
    });

    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('content-length')).toBe(String('{"ok":true}'.length));
    expect(await response.json()).toEqual({ ok: true });
    expect(seenByHandler).toEqual([true]);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/responses?stream=false&tag=a%20b&tag=c');
    expect(request?.path).toBe('/v1/responses');
    expect(request?.query.get('stream')).toBe('false');
    expect(request?.query.getAll('tag')).toEqual(['a b', 'c']);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-custom-header']).toBe('value');
    // fetch keeps the caller's header case on the wire; rawHeaders shows it.
    expect(request?.rawHeaders).toContain('X-Custom-Header');
    expect(request?.body.equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(request?.complete).toBe(true);
    expect(request?.connectionNumber).toBe(1);
  });

  it('records requests in order and exposes the body as raw bytes', async () => {
    const server = await serve((_request, reply) => reply.send(200, ''));
    const binary = Buffer.from([0x00, 0xff, 0xc3, 0x0d, 0x0a]);
    await (await fetch(`${server.url}/first`, { method: 'PUT', body: binary })).text();
    await (await fetch(`${server.url}/second`)).text();
    expect(server.requests.map((request) => request.path)).toEqual(['/first', '/second']);
    expect(server.requests[0]?.body.equals(binary)).toBe(true);
    expect(server.requests[1]?.body.length).toBe(0);
  });

  it('records a cut-off upload without calling the handler', async () => {
    const handler = vi.fn<LoopbackHandler>((_request, reply) => reply.send(200, 'ok'));
    const server = await serve(handler);

    const outgoing = httpRequest(`${server.url}/v1/files`, {
      method: 'POST',
      headers: { 'content-length': '100' },
    });
    outgoing.on('error', () => {});
    outgoing.write('first ten!');
    // Wait for the partial body to reach the server before aborting.
    await vi.waitFor(() => expect(server.totalConnections()).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    outgoing.destroy();

    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    expect(server.requests[0]?.complete).toBe(false);
    expect(server.requests[0]?.body.toString()).toBe('first ten!');
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 500 with the message when the handler throws', async () => {
    const server = await serve(() => {
      throw new Error('handler exploded');
    });
    const response = await fetch(server.url);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('handler exploded');
    expect(server.handlerErrors).toHaveLength(1);
  });

  it('answers 500 when an async handler rejects', async () => {
    const server = await serve(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error('async failure');
    });
    const response = await fetch(server.url);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('async failure');
  });

  it('destroys the connection when the handler throws after the head went out', async () => {
    const server = await serve(async (_request, reply) => {
      await reply.head(200);
      await reply.write('start');
      throw new Error('mid-stream failure');
    });
    const response = await fetch(server.url);
    await expect(response.text()).rejects.toThrow();
    expect(server.handlerErrors).toHaveLength(1);
  });

  it('leaves a finished response alone when the handler throws afterwards', async () => {
    const server = await serve(async (_request, reply) => {
      await reply.send(200, 'done');
      throw new Error('late failure');
    });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect(Buffer.concat((await nodeGet(server.url, agent)).reads).toString()).toBe('done');
    expect(Buffer.concat((await nodeGet(server.url, agent)).reads).toString()).toBe('done');
    expect(server.totalConnections()).toBe(1);
    expect(server.handlerErrors).toHaveLength(2);
    agent.destroy();
  });

  it('rejects a helper given an invalid header value, which answers 500', async () => {
    const server = await serve((_request, reply) => reply.send(200, 'ok', { 'x-bad': 'line\nbreak' }));
    const response = await fetch(server.url);
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/x-bad/);
  });

  it('lets tests swap the handler on a running server', async () => {
    const server = await serve((_request, reply) => reply.send(200, 'first'));
    expect(await (await fetch(server.url)).text()).toBe('first');
    server.handler = (_request, reply) => reply.send(200, 'second');
    expect(await (await fetch(server.url)).text()).toBe('second');
  });
});

describe('connections', () => {
  it('reuses a kept-alive connection and drops to zero once the client closes', async () => {
    const server = await serve((_request, reply) => reply.send(200, 'ok'));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });

    await nodeGet(`${server.url}/one`, agent);
    await nodeGet(`${server.url}/two`, agent);
    expect(server.totalConnections()).toBe(1);
    expect(server.requests.map((request) => request.connectionNumber)).toEqual([1, 1]);
    expect(server.connections()).toBe(1);

    agent.destroy();
    await server.waitForConnections(0);
    expect(server.connections()).toBe(0);
    expect(server.totalConnections()).toBe(1);
  });

  it('sends a keep-alive hint long enough for undici to reuse the connection', async () => {
    const server = await serve((_request, reply) => reply.send(200, 'ok'));
    const first = await fetch(server.url);
    expect(first.headers.get('keep-alive')).toBe('timeout=4');
    await first.text();
    // undici returns the socket to its pool a macrotask after the body ends.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await (await fetch(server.url)).text();
    expect(server.totalConnections()).toBe(1);
    expect(server.requests.map((request) => request.connectionNumber)).toEqual([1, 1]);
  });

  it('rejects waitForConnections when the count is not reached in time', async () => {
    const server = await serve((_request, reply) => reply.stall());
    const socket = connect(server.port, '127.0.0.1');
    socket.on('error', () => {});
    await server.waitForConnections(1);
    await expect(server.waitForConnections(0, { timeoutMs: 50 })).rejects.toThrow(/expected 0 open connections, still 1/);
    socket.destroy();
  });
});

describe('close', () => {
  it('does not hang on a stalled response and fails the waiting client', async () => {
    const stallEnded = vi.fn();
    const server = await startLoopbackServer(async (_request, reply) => {
      await reply.stall();
      stallEnded();
    });
    const pending = fetch(server.url).then(
      () => 'answered',
      (error: unknown) => error,
    );
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));

    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(TypeError);
    expect(server.connections()).toBe(0);
    await vi.waitFor(() => expect(stallEnded).toHaveBeenCalled());
  });

  it('force-closes idle kept-alive connections', async () => {
    const server = await startLoopbackServer((_request, reply) => reply.send(200, 'ok'));
    await (await fetch(server.url)).text();
    expect(server.connections()).toBe(1);
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(server.connections()).toBe(0);
  });

  it('can be called twice', async () => {
    const server = await startLoopbackServer((_request, reply) => reply.send(200, 'ok'));
    await Promise.all([server.close(), server.close()]);
    await server.close();
  });
});

describe('stall', () => {
  it('resolves when the client gives up', async () => {
    let stallResolved = false;
    const server = await serve(async (_request, reply) => {
      await reply.stall();
      stallResolved = true;
    });
    const controller = new AbortController();
    const pending = fetch(server.url, { signal: controller.signal }).catch((error: unknown) => error);
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    expect((await pending) as Error).toHaveProperty('name', 'AbortError');
    await vi.waitFor(() => expect(stallResolved).toBe(true));
  });
});

describe('reset', () => {
  it('before headers gives fetch a connection reset', async () => {
    const server = await serve((_request, reply) => reply.reset());
    const error = await fetch(server.url).catch((fetchError: unknown) => fetchError);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('fetch failed');
    expect(fetchErrorCode(error)).toBe('ECONNRESET');
  });

  it('before headers gives node:http ECONNRESET', async () => {
    const server = await serve((_request, reply) => reply.reset());
    await expect(nodeGet(server.url)).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('mid-body fails the body after the headers arrived', async () => {
    const server = await serve(async (_request, reply) => {
      await reply.head(200, { 'content-type': 'text/plain' });
      await reply.write('partial');
      // Let the client read what was sent, so the reset hits the body, not the head.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await reply.reset();
    });
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).toString()).toBe('partial');
    const error = await reader.read().catch((readError: unknown) => readError);
    expect(error).toBeInstanceOf(Error);
    expect(fetchErrorCode(error)).toBe('ECONNRESET');
  });

  it('mid-body with a content-length fails node:http with aborted', async () => {
    const server = await serve(async (_request, reply) => {
      await reply.head(200, { 'content-length': 100 });
      await reply.write('ten bytes!');
      await new Promise((resolve) => setTimeout(resolve, 50));
      await reply.reset();
    });
    let received = '';
    const error = await new Promise<(Error & { code?: string }) | undefined>((resolve) => {
      const outgoing = httpRequest(server.url, (response) => {
        response.on('data', (chunk: Buffer) => {
          received += chunk.toString();
        });
        response.on('error', resolve);
        response.on('end', () => resolve(undefined));
      });
      outgoing.on('error', resolve);
      outgoing.end();
    });
    expect(received).toBe('ten bytes!');
    expect(error?.code).toBe('ECONNRESET');
  });
});

describe('chunks and sse', () => {
  it('writes each part as its own HTTP chunk', async () => {
    const server = await serve((_request, reply) =>
      reply.chunks(200, { 'content-type': 'text/plain' }, ['alpha', 'beta', 'gamma'], { delayMs: 30 }),
    );
    const exchange = await rawExchange(server.port, 'GET / HTTP/1.1\r\nhost: loopback\r\nconnection: close\r\n\r\n');
    const text = exchange.bytes.toString('latin1');
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(text.toLowerCase()).toContain('transfer-encoding: chunked');
    expect(text.endsWith('\r\n\r\n5\r\nalpha\r\n4\r\nbeta\r\n5\r\ngamma\r\n0\r\n\r\n')).toBe(true);
    // No pause separates the head from the first part or the last part from
    // the terminating chunk, so those may share a read; the delays between
    // parts put every part boundary at a read boundary.
    const reads = exchange.reads.map((read) => read.toString('latin1'));
    expect(reads.some((read) => read.endsWith('5\r\nalpha\r\n'))).toBe(true);
    expect(reads).toContain('4\r\nbeta\r\n');
    expect(reads.some((read) => read.startsWith('5\r\ngamma\r\n'))).toBe(true);
  });

  it('delivers parts as separate reads to node:http', async () => {
    const server = await serve((_request, reply) => reply.chunks(200, {}, ['a', 'b', 'c'], { delayMs: 30 }));
    const { reads } = await nodeGet(server.url);
    expect(reads.map((read) => read.toString())).toEqual(['a', 'b', 'c']);
  });

  it('keeps the delay between parts', async () => {
    const server = await serve((_request, reply) => reply.chunks(200, {}, ['a', 'b', 'c'], { delayMs: 60 }));
    const started = performance.now();
    const response = await fetch(server.url);
    expect(await response.text()).toBe('abc');
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('flushes head() before any body is written', async () => {
    let releaseBody: () => void = () => {};
    const bodyReleased = new Promise<void>((resolve) => {
      releaseBody = resolve;
    });
    const server = await serve(async (_request, reply) => {
      await reply.head(202, { 'x-step': 'head' });
      await bodyReleased;
      await reply.end('body');
    });
    const response = await fetch(server.url);
    expect(response.status).toBe(202);
    expect(response.headers.get('x-step')).toBe('head');
    releaseBody();
    expect(await response.text()).toBe('body');
  });

  it('streams server-sent events written as-is', async () => {
    const events = ['data: {"delta":"Hel"}\n\n', 'event: ping\r\ndata: \r\n\r\n', 'data: [DONE]\n\n'];
    const server = await serve((_request, reply) => reply.sse(events, { delayMs: 10, headers: { 'x-request-id': 'req_1' } }));
    const response = await fetch(server.url);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-request-id')).toBe('req_1');
    expect(await response.text()).toBe(events.join(''));
  });

  it('stops writing parts once the client disconnects', async () => {
    let chunksFinished = false;
    const server = await serve(async (_request, reply) => {
      await reply.chunks(200, {}, Array.from({ length: 50 }, () => 'part'), { delayMs: 20 });
      chunksFinished = true;
    });
    const controller = new AbortController();
    const response = await fetch(server.url, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    // Not asserting connections() === 0: after an abort mid-body, Node 20's
    // fetch opens a fresh idle connection and keeps it for a few seconds.
    await vi.waitFor(() => expect(chunksFinished).toBe(true), { timeout: 500 });
  });
});

describe('splitAt', () => {
  it('cuts inside a multi-byte UTF-8 character', () => {
    // 'é' is c3 a9 and '€' is e2 82 ac.
    const parts = splitAt('aé€', [2, 4]);
    expect(parts.map((part) => [...part])).toEqual([[0x61, 0xc3], [0xa9, 0xe2], [0x82, 0xac]]);
    expect(Buffer.concat(parts).toString('utf8')).toBe('aé€');
  });

  it('cuts between \\r and \\n', () => {
    const parts = splitAt('data: x\r\n\r\n', [8]);
    expect(parts.map((part) => part.toString('latin1'))).toEqual(['data: x\r', '\n\r\n']);
  });

  it("cuts into single bytes with 'bytes'", () => {
    const parts = splitAt('é\n', 'bytes');
    expect(parts.map((part) => [...part])).toEqual([[0xc3], [0xa9], [0x0a]]);
  });

  it('accepts offsets in any order and drops empty parts', () => {
    const parts = splitAt(Buffer.from('abcdef'), [4, 0, 2, 2, 6]);
    expect(parts.map((part) => part.toString())).toEqual(['ab', 'cd', 'ef']);
  });

  it('rejects offsets outside the body', () => {
    expect(() => splitAt('abc', [4])).toThrow(RangeError);
    expect(() => splitAt('abc', [-1])).toThrow(RangeError);
    expect(() => splitAt('abc', [1.5])).toThrow(RangeError);
  });

  it('reassembles split multi-byte parts correctly on the client', async () => {
    const body = 'data: {"text":"héllo €"}\r\n\r\n';
    const server = await serve((_request, reply) => reply.chunks(200, {}, reply.split(body, 'bytes'), { delayMs: 1 }));
    const { reads } = await nodeGet(server.url);
    expect(Buffer.concat(reads).toString('utf8')).toBe(body);
    expect(reads.length).toBeGreaterThan(1);
  });
});

describe('gzip, redirect, send', () => {
  it('gzip bodies decode with fetch', async () => {
    const server = await serve((_request, reply) => reply.gzip(200, '{"compressed":"é"}', { 'content-type': 'application/json' }));
    const response = await fetch(server.url);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.json()).toEqual({ compressed: 'é' });
  });

  it('gzip sends the compressed length', async () => {
    const server = await serve((_request, reply) => reply.gzip(200, 'x'.repeat(1000)));
    const { response, reads } = await nodeGet(server.url);
    const compressed = Buffer.concat(reads);
    expect(response.headers['content-length']).toBe(String(compressed.length));
    expect(compressed.length).toBeLessThan(1000);
    expect(compressed.equals(gzipSync('x'.repeat(1000)))).toBe(true);
  });

  it('redirects', async () => {
    const server = await serve((request, reply) =>
      request.path === '/old' ? reply.redirect(307, '/new') : reply.send(200, `at ${request.path}`),
    );
    const manual = await fetch(`${server.url}/old`, { redirect: 'manual' });
    expect(manual.status).toBe(307);
    expect(manual.headers.get('location')).toBe('/new');
    const followed = await fetch(`${server.url}/old`);
    expect(await followed.text()).toBe('at /new');
  });

  it('lets headers override defaults case-insensitively or drop them', async () => {
    const server = await serve((request, reply) =>
      request.path === '/typed'
        ? reply.json(200, [1], { 'Content-Type': 'application/vnd.test+json' })
        : reply.send(200, 'no length', { 'content-length': undefined }),
    );
    const typed = await rawExchange(server.port, 'GET /typed HTTP/1.1\r\nhost: loopback\r\nconnection: close\r\n\r\n');
    const typedText = typed.bytes.toString('latin1').toLowerCase();
    expect(typedText.match(/content-type:/g)).toHaveLength(1);
    expect(typedText).toContain('content-type: application/vnd.test+json');

    const chunked = await rawExchange(server.port, 'GET /untyped HTTP/1.1\r\nhost: loopback\r\nconnection: close\r\n\r\n');
    const chunkedText = chunked.bytes.toString('latin1').toLowerCase();
    expect(chunkedText).not.toContain('content-length');
    expect(chunkedText).toContain('transfer-encoding: chunked');
  });
});

describe('raw', () => {
  it('writes exactly the given bytes', async () => {
    const bytes = Buffer.from('HTTP/1.1 200 OK\r\nbroken header line\r\n\r\n\x00\xff', 'latin1');
    const server = await serve((_request, reply) => reply.raw(bytes, { afterwards: 'end' }));
    const exchange = await rawExchange(server.port, 'GET / HTTP/1.1\r\nhost: loopback\r\n\r\n');
    expect(exchange.bytes.equals(bytes)).toBe(true);
    expect(exchange.error).toBeUndefined();
  });

  it('cuts a content-length body short so fetch fails', async () => {
    const server = await serve((_request, reply) =>
      reply.raw('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 20\r\n\r\nonly ten b', { afterwards: 'end' }),
    );
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    await server.waitForConnections(0);
  });

  it('makes fetch reject malformed headers', async () => {
    const server = await serve((_request, reply) => reply.raw('HTTP/1.1 200 OK\r\nbad header\r\n\r\n', { afterwards: 'end' }));
    await expect(fetch(server.url)).rejects.toThrow('fetch failed');
  });

  it('can reset after writing', async () => {
    const bytes = 'HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nab';
    const server = await serve((_request, reply) => reply.raw(bytes, { afterwards: 'reset' }));
    const exchange = await rawExchange(server.port, 'GET / HTTP/1.1\r\nhost: loopback\r\n\r\n');
    // Whether this surfaces as ECONNRESET or an early end depends on whether
    // the client read the bytes before the reset arrived.
    expect(exchange.bytes.toString()).toBe(bytes);
    expect(server.connections()).toBe(0);
  });

  it('gives ECONNRESET when the client read the bytes before reset()', async () => {
    const bytes = 'HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nab';
    const server = await serve(async (_request, reply) => {
      await reply.raw(bytes);
      await new Promise((resolve) => setTimeout(resolve, 30));
      await reply.reset();
    });
    const exchange = await rawExchange(server.port, 'GET / HTTP/1.1\r\nhost: loopback\r\n\r\n');
    expect(exchange.bytes.toString()).toBe(bytes);
    expect(exchange.error?.code).toBe('ECONNRESET');
  });

  it('keeps the connection open by default until the server closes', async () => {
    const server = await startLoopbackServer((_request, reply) => reply.raw('HTTP/1.1 200 OK\r\n'));
    const exchange = rawExchange(server.port, 'GET / HTTP/1.1\r\nhost: loopback\r\n\r\n');
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(server.connections()).toBe(1);
    await server.close();
    expect((await exchange).bytes.toString()).toBe('HTTP/1.1 200 OK\r\n');
  });
});

describe('withLoopbackServer', () => {
  it('returns what the callback returns and closes the server', async () => {
    let captured: LoopbackServer | undefined;
    const text = await withLoopbackServer(
      (_request, reply) => reply.send(200, 'hello'),
      async (server) => {
        captured = server;
        return (await fetch(server.url)).text();
      },
    );
    expect(text).toBe('hello');
    expect(captured?.connections()).toBe(0);
    await expect(fetch(captured!.url)).rejects.toThrow('fetch failed');
  });

  it('closes the server when the callback throws, even with a stalled request', async () => {
    let captured: LoopbackServer | undefined;
    const attempt = withLoopbackServer(
      (_request, reply) => reply.stall(),
      async (server) => {
        captured = server;
        void fetch(server.url).catch(() => {});
        await vi.waitFor(() => expect(server.requests).toHaveLength(1));
        throw new Error('test failed');
      },
    );
    await expect(attempt).rejects.toThrow('test failed');
    expect(captured?.connections()).toBe(0);
  });
});
