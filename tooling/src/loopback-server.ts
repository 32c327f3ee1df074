/**
 * A loopback HTTP server for transport tests that need to misbehave on
 * purpose: reset connections, stall, split bodies at awkward byte offsets,
 * or write bytes that no well-behaved HTTP library would produce.
 *
 * Everything runs over real sockets on 127.0.0.1, so the client under test
 * goes through its real connection pool, parser and error paths.
 *
 * @example
 * import { withLoopbackServer } from '@openai-micro/tooling/loopback';
 *
 * await withLoopbackServer(
 *   (request, reply) => reply.json(200, { id: 'chatcmpl-1', path: request.path }),
 *   async (server) => {
 *     const response = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', body: '{}' });
 *     console.log(await response.json(), server.requests.length);
 *   },
 * );
 *
 * @module
 */
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/**
 * One request as the server saw it, captured once its body finished arriving
 * (or the client gave up half-way through sending it).
 *
 * @example
 * const server = await startLoopbackServer((request, reply) => reply.send(204, ''));
 * await fetch(`${server.url}/v1/files?purpose=batch`, { method: 'POST', body: 'hello' });
 * const [request] = server.requests;
 * request?.method; // 'POST'
 * request?.path; // '/v1/files'
 * request?.query.get('purpose'); // 'batch'
 * request?.body.toString(); // 'hello'
 * await server.close();
 */
export interface RecordedRequest {
  /** The request method, upper case as sent, e.g. `'POST'`. */
  method: string;
  /** Path plus query string exactly as sent on the request line, e.g. `'/v1/models?limit=2'`. */
  url: string;
  /** The path without the query string, e.g. `'/v1/models'`. */
  path: string;
  /** The parsed query string. */
  query: URLSearchParams;
  /** Header names lower-cased, as node:http reports them; repeated headers are joined or arrays per node:http rules. */
  headers: Record<string, string | string[] | undefined>;
  /** Headers as sent, name and value alternating, keeping case, order and repeats. */
  rawHeaders: string[];
  /** Every body byte that arrived; only part of the body when `complete` is false. */
  body: Buffer;
  /** False when the client stopped sending before the body was complete; the handler is not called then. */
  complete: boolean;
  /** Which accepted socket carried the request, counting from 1, so tests can prove keep-alive reuse. */
  connectionNumber: number;
}

/**
 * Options for {@link LoopbackReply.chunks}.
 *
 * @example
 * await reply.chunks(200, { 'content-type': 'text/plain' }, ['a', 'b'], { delayMs: 20 });
 */
export interface ChunksOptions {
  /**
   * Pause between parts. Without a pause every part is still its own socket
   * write and its own HTTP chunk, but the client may read several of them at
   * once; a few milliseconds make separate reads on the client reliable.
   */
  delayMs?: number;
}

/**
 * Options for {@link LoopbackReply.sse}.
 *
 * @example
 * await reply.sse(['data: {"n":1}\n\n', 'data: [DONE]\n\n'], { delayMs: 10, headers: { 'x-request-id': 'req_1' } });
 */
export interface ServerSentEventsOptions extends ChunksOptions {
  /** Response status, 200 unless given. */
  status?: number;
  /** Extra headers; they override the default `content-type` and `cache-control`. */
  headers?: OutgoingHttpHeaders;
}

/**
 * Options for {@link LoopbackReply.raw}.
 *
 * @example
 * await reply.raw('HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nshort', { afterwards: 'end' });
 */
export interface RawOptions {
  /**
   * What to do with the connection once the bytes are flushed:
   * - `'keep-open'` (default): leave it open and silent, like a stall.
   * - `'end'`: close gracefully (FIN), e.g. to cut a content-length body short.
   * - `'destroy'`: close the socket outright.
   * - `'reset'`: abort it with a TCP reset, which the client may see as a
   *   plain end of stream if it had not read the bytes yet (see {@link LoopbackReply.reset}).
   */
  afterwards?: 'keep-open' | 'end' | 'destroy' | 'reset';
}

/**
 * Raw control over one response. Every method returns a promise that
 * resolves once its bytes were handed to the socket, or once the client
 * disconnected: writing to a client that already gave up is a normal part of
 * these tests, so it never rejects for that reason.
 *
 * @example
 * const server = await startLoopbackServer(async (request, reply) => {
 *   if (request.path === '/reset') return reply.reset();
 *   if (request.path === '/stall') return reply.stall();
 *   await reply.head(200, { 'content-type': 'text/plain' });
 *   await reply.write('half of the body');
 *   reply.reset();
 * });
 */
export interface LoopbackReply {
  /** The node:http response, for anything the helpers below do not cover. */
  response: ServerResponse;
  /** The connection's socket, shared by every request on a kept-alive connection. */
  socket: Socket;
  /** Resolves when the connection closes, whoever closed it. */
  disconnected: Promise<void>;
  /** Sends `value` as JSON with `content-type: application/json` and a content-length. */
  json(status: number, value: unknown, headers?: OutgoingHttpHeaders): Promise<void>;
  /** Sends a whole body with a content-length; `headers` may override it, even with a wrong value, or drop it with `undefined`. */
  send(status: number, body: string | Buffer, headers?: OutgoingHttpHeaders): Promise<void>;
  /** Writes the status line and headers now; without a content-length header the body is chunked. */
  head(status: number, headers?: OutgoingHttpHeaders): Promise<void>;
  /** Writes one body chunk and resolves once it reached the socket. */
  write(chunk: string | Buffer): Promise<void>;
  /** Finishes the response, optionally with a last chunk. */
  end(chunk?: string | Buffer): Promise<void>;
  /** Writes the head, then every part as its own chunk, then ends; stops early if the client disconnects. */
  chunks(status: number, headers: OutgoingHttpHeaders, parts: (string | Buffer)[], options?: ChunksOptions): Promise<void>;
  /** Same as the standalone {@link splitAt}. */
  split(body: string | Buffer, at: number[] | 'bytes'): Buffer[];
  /** Streams `text/event-stream` with each string written as-is as its own chunk, so tests control the framing. */
  sse(events: string[], options?: ServerSentEventsOptions): Promise<void>;
  /**
   * Aborts the connection with a TCP reset; await `head()` or `write()` first
   * so their bytes leave before it. On Linux a reset that arrives while the
   * client still has unread bytes is reported to it as a plain end of stream,
   * not ECONNRESET; pause a few milliseconds before resetting when a test needs
   * ECONNRESET after some body bytes.
   */
  reset(): Promise<void>;
  /** Never answers; resolves when the client disconnects or the server closes. */
  stall(): Promise<void>;
  /** Writes bytes on the socket behind node:http's back; node:http sends nothing further on this connection. */
  raw(bytes: string | Buffer, options?: RawOptions): Promise<void>;
  /** Sends a gzip-compressed body with `content-encoding: gzip` and the compressed length. */
  gzip(status: number, body: string | Buffer, headers?: OutgoingHttpHeaders): Promise<void>;
  /** Sends an empty-bodied redirect to `location`. */
  redirect(status: number, location: string, headers?: OutgoingHttpHeaders): Promise<void>;
}

/**
 * Answers one request. It runs after the request body has fully arrived and
 * the request was recorded. If it throws or rejects, the client gets a 500
 * whose body is the error message, or, when the response had already started,
 * a destroyed connection.
 *
 * @example
 * const handler: LoopbackHandler = (request, reply) =>
 *   request.method === 'GET' ? reply.json(200, { object: 'list', data: [] }) : reply.send(405, 'method not allowed');
 */
export type LoopbackHandler = (request: RecordedRequest, reply: LoopbackReply) => void | Promise<void>;

/**
 * Options for {@link startLoopbackServer}.
 *
 * @example
 * const server = await startLoopbackServer(handler, { keepAliveTimeoutMs: 10_000 });
 */
export interface LoopbackServerOptions {
  /**
   * How long an idle kept-alive connection stays open. The default, 4000 ms,
   * is short yet long enough for undici to reuse connections: undici
   * subtracts a 2 s safety margin from the server's `Keep-Alive: timeout=`
   * hint and refuses to reuse a connection when nothing is left. Note that
   * fetch only returns a socket to its pool a macrotask after the body was
   * read, so back-to-back requests with no pause open a second connection.
   */
  keepAliveTimeoutMs?: number;
}

/**
 * A running loopback server.
 *
 * @example
 * const server = await startLoopbackServer((request, reply) => reply.send(200, 'ok'));
 * await (await fetch(server.url)).text();
 * server.requests.length; // 1
 * server.totalConnections(); // 1
 * await server.close();
 */
export interface LoopbackServer {
  /** Base URL without a trailing slash, e.g. `'http://127.0.0.1:43123'`. */
  url: string;
  /** The port the server listens on. */
  port: number;
  /** Every request received, in the order their bodies finished arriving. */
  requests: RecordedRequest[];
  /** Everything a handler threw, so tests can assert none did. */
  handlerErrors: unknown[];
  /** The handler for the next requests; replace it to change behaviour between tests sharing one server. */
  handler: LoopbackHandler;
  /** Sockets currently open, to prove the client released them. */
  connections(): number;
  /** Sockets accepted since the server started. */
  totalConnections(): number;
  /**
   * Resolves once exactly `count` sockets are open, because a client closing
   * its socket reaches the server a moment later; rejects after `timeoutMs`.
   */
  waitForConnections(count: number, options?: { timeoutMs?: number }): Promise<void>;
  /** Destroys every open socket, idle or stalled, and stops listening; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Cuts a body into parts at byte offsets, or into one-byte parts with
 * `'bytes'`. Offsets count UTF-8 bytes, so a cut may fall inside a
 * multi-byte character or between `\r` and `\n`; that is why parts are
 * Buffers, as strings could not hold half a character. Offsets may come in
 * any order; empty parts are dropped because an empty HTTP chunk would be
 * indistinguishable from no chunk.
 *
 * @example
 * splitAt('né\r\n', [2, 4]); // [<6e c3>, <a9 0d>, <0a>]
 * splitAt('ab', 'bytes'); // [<61>, <62>]
 *
 * @throws {RangeError} When an offset is not an integer between 0 and the body length.
 */
export function splitAt(body: string | Buffer, at: number[] | 'bytes'): Buffer[] {
  const bytes = toBuffer(body);
  const offsets = at === 'bytes' ? Array.from({ length: bytes.length }, (_, index) => index) : [...at];
  for (const offset of offsets) {
    if (!Number.isInteger(offset) || offset < 0 || offset > bytes.length) {
      throw new RangeError(`split offset ${offset} is outside the body (0..${bytes.length} bytes)`);
    }
  }
  const cuts = [...new Set([0, ...offsets, bytes.length])].sort((left, right) => left - right);
  const parts: Buffer[] = [];
  for (let index = 1; index < cuts.length; index += 1) {
    const part = bytes.subarray(cuts[index - 1], cuts[index]);
    if (part.length > 0) parts.push(part);
  }
  return parts;
}

/**
 * Starts a server on 127.0.0.1 on a free port. Only loopback is bound so
 * that tests never expose a port to the network.
 *
 * @example
 * const server = await startLoopbackServer(async (request, reply) => {
 *   await reply.sse(['data: {"delta":"Hel"}\n\n', 'data: {"delta":"lo"}\n\n', 'data: [DONE]\n\n'], { delayMs: 5 });
 * });
 * try {
 *   const response = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', body: '{"stream":true}' });
 *   console.log(await response.text());
 * } finally {
 *   await server.close();
 * }
 */
export function startLoopbackServer(handler: LoopbackHandler, options: LoopbackServerOptions = {}): Promise<LoopbackServer> {
  const server = createServer({ noDelay: true });
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 4000;

  const openSockets = new Set<Socket>();
  const socketClosed = new WeakMap<Socket, Promise<void>>();
  const connectionNumbers = new WeakMap<Socket, number>();
  const connectionWatchers = new Set<() => void>();
  let acceptedConnections = 0;
  let closing: Promise<void> | undefined;

  const notifyConnectionWatchers = () => {
    for (const watcher of connectionWatchers) watcher();
  };

  server.on('connection', (socket: Socket) => {
    acceptedConnections += 1;
    connectionNumbers.set(socket, acceptedConnections);
    openSockets.add(socket);
    // One promise per socket rather than one listener per request, so many
    // requests on a kept-alive socket do not pile up 'close' listeners.
    socketClosed.set(
      socket,
      new Promise<void>((resolve) => {
        socket.once('close', () => {
          openSockets.delete(socket);
          resolve();
          notifyConnectionWatchers();
        });
      }),
    );
    notifyConnectionWatchers();
  });

  const loopback: LoopbackServer = {
    url: '',
    port: 0,
    requests: [],
    handlerErrors: [],
    handler,
    connections: () => openSockets.size,
    totalConnections: () => acceptedConnections,
    waitForConnections(count, { timeoutMs = 5000 } = {}) {
      if (openSockets.size === count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const watcher = () => {
          if (openSockets.size !== count) return;
          clearTimeout(timer);
          connectionWatchers.delete(watcher);
          resolve();
        };
        const timer = setTimeout(() => {
          connectionWatchers.delete(watcher);
          reject(new Error(`expected ${count} open connections, still ${openSockets.size} after ${timeoutMs} ms`));
        }, timeoutMs);
        connectionWatchers.add(watcher);
      });
    },
    close() {
      closing ??= (async () => {
        // server.close() alone would wait for every connection to end on its
        // own, which stalled and idle kept-alive sockets never do.
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        const socketsClosed = [...openSockets].map((socket) => {
          socket.destroy();
          return socketClosed.get(socket);
        });
        // The server can report closed before each socket's own 'close'
        // event, and connections() must read 0 once close() resolves.
        await Promise.all([stopped, ...socketsClosed]);
      })();
      return closing;
    },
  };

  server.on('request', (incoming: IncomingMessage, response: ServerResponse) => {
    const socket = incoming.socket;
    const received: Buffer[] = [];
    let recorded = false;

    const record = (complete: boolean) => {
      if (recorded) return;
      recorded = true;
      const url = incoming.url ?? '/';
      // The base only matters for origin-form URLs; absolute-form ones keep their own.
      const parsed = new URL(url, 'http://127.0.0.1');
      const request: RecordedRequest = {
        method: incoming.method ?? 'GET',
        url,
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: { ...incoming.headers },
        rawHeaders: [...incoming.rawHeaders],
        body: Buffer.concat(received),
        complete,
        connectionNumber: connectionNumbers.get(socket) ?? 0,
      };
      loopback.requests.push(request);
      if (complete) void answer(request);
    };

    const answer = async (request: RecordedRequest) => {
      const reply = createReply(response, socket, socketClosed.get(socket) ?? Promise.resolve());
      try {
        await loopback.handler(request, reply);
      } catch (error) {
        loopback.handlerErrors.push(error);
        // A finished response leaves the kept-alive socket usable; leave it be.
        if (socket.destroyed || response.writableEnded) return;
        if (response.headersSent || reply.rawStarted()) {
          // Half a response is already out, so a 500 can no longer be framed.
          socket.destroy();
          return;
        }
        const message = error instanceof Error ? error.message : String(error);
        await reply.send(500, message, { 'content-type': 'text/plain; charset=utf-8' }).catch(() => socket.destroy());
      }
    };

    incoming.on('data', (chunk: Buffer) => received.push(chunk));
    incoming.on('end', () => record(true));
    // An aborted upload is recorded through 'close' below, so its stream
    // error carries nothing more and must not fail the test process.
    incoming.on('error', () => {});
    incoming.on('close', () => record(incoming.complete));
  });

  return new Promise<LoopbackServer>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      loopback.port = port;
      loopback.url = `http://127.0.0.1:${port}`;
      resolve(loopback);
    });
  });
}

/**
 * Starts a server, runs `run` with it and always closes it, even when `run`
 * throws, so a failing test cannot leak a listening port or a stalled socket.
 *
 * @example
 * const status = await withLoopbackServer(
 *   (request, reply) => reply.reset(),
 *   async (server) => fetch(server.url).then((response) => response.status, (error) => error.cause?.code),
 * );
 * // status === 'ECONNRESET'
 */
export async function withLoopbackServer<Result>(
  handler: LoopbackHandler,
  run: (server: LoopbackServer) => Result | Promise<Result>,
  options?: LoopbackServerOptions,
): Promise<Result> {
  const server = await startLoopbackServer(handler, options);
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

type InternalReply = LoopbackReply & { rawStarted(): boolean };

function createReply(response: ServerResponse, socket: Socket, disconnected: Promise<void>): InternalReply {
  let rawStarted = false;
  const gone = () => socket.destroyed || response.destroyed;

  // node:http drops a write callback when the socket is already destroyed, so
  // every wait also ends on disconnect to keep handlers from hanging.
  const untilWrittenOrGone = (start: (done: () => void) => void) =>
    new Promise<void>((resolve) => {
      if (gone()) return resolve();
      void disconnected.then(resolve);
      start(() => resolve());
    });

  const pause = (milliseconds: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, milliseconds);
      void disconnected.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });

  const reply: InternalReply = {
    response,
    socket,
    disconnected,
    rawStarted: () => rawStarted,

    // The helpers are async so that a bad status or header value rejects the
    // returned promise, the same way whether or not the handler awaits it.
    async json(status, value, headers) {
      await reply.send(status, JSON.stringify(value), mergeHeaders({ 'content-type': 'application/json' }, headers));
    },

    async send(status, body, headers) {
      const bytes = toBuffer(body);
      if (gone()) return;
      response.writeHead(status, mergeHeaders({ 'content-length': bytes.length }, headers));
      await untilWrittenOrGone((done) => response.end(bytes, done));
    },

    async head(status, headers) {
      if (gone()) return;
      response.writeHead(status, mergeHeaders({}, headers));
      response.flushHeaders();
      // An empty write queues behind the headers, so its callback tells when they left.
      await untilWrittenOrGone((done) => response.write('', done));
    },

    async write(chunk) {
      await untilWrittenOrGone((done) => response.write(chunk, done));
    },

    async end(chunk) {
      await untilWrittenOrGone((done) => (chunk === undefined ? response.end(done) : response.end(chunk, done)));
    },

    async chunks(status, headers, parts, { delayMs = 0 } = {}) {
      await reply.head(status, headers);
      for (const [index, part] of parts.entries()) {
        if (index > 0 && delayMs > 0) await pause(delayMs);
        if (gone()) return;
        await reply.write(part);
      }
      await reply.end();
    },

    split: splitAt,

    async sse(events, { status = 200, headers, delayMs } = {}) {
      const streamHeaders = mergeHeaders({ 'content-type': 'text/event-stream', 'cache-control': 'no-cache' }, headers);
      await reply.chunks(status, streamHeaders, events, { delayMs });
    },

    async reset() {
      if (!socket.destroyed) {
        // resetAndDestroy (Node 16.17+) sends RST, which clients report as
        // ECONNRESET; a plain destroy would look like an orderly close.
        if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
        else socket.destroy();
      }
      await disconnected;
    },

    async stall() {
      await disconnected;
    },

    async raw(bytes, { afterwards = 'keep-open' } = {}) {
      rawStarted = true;
      await untilWrittenOrGone((done) => socket.write(bytes, done));
      if (gone()) return;
      if (afterwards === 'end') socket.end();
      else if (afterwards === 'destroy') socket.destroy();
      else if (afterwards === 'reset') await reply.reset();
    },

    async gzip(status, body, headers) {
      await reply.send(status, gzipSync(toBuffer(body)), mergeHeaders({ 'content-encoding': 'gzip' }, headers));
    },

    async redirect(status, location, headers) {
      await reply.send(status, '', mergeHeaders({ location }, headers));
    },
  };
  return reply;
}

function toBuffer(body: string | Buffer): Buffer {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

// Lower-casing keeps a caller's 'Content-Type' from sitting next to our
// 'content-type', which node:http would send as two separate headers; an
// undefined override removes a default, e.g. to send a body without length.
function mergeHeaders(defaults: OutgoingHttpHeaders, overrides: OutgoingHttpHeaders = {}): OutgoingHttpHeaders {
  const merged: OutgoingHttpHeaders = {};
  for (const [name, value] of [...Object.entries(defaults), ...Object.entries(overrides)]) {
    merged[name.toLowerCase()] = value;
  }
  for (const [name, value] of Object.entries(merged)) {
    if (value === undefined) delete merged[name];
  }
  return merged;
}
