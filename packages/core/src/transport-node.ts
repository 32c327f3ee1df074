import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Agent, Dispatcher } from 'undici';
import { InputRejectedError } from './errors.js';
import { send as sendWithFetch } from './transport-fetch.js';
import type { TransportRequest, TransportResponse } from './transport.js';

type RequestFunction = (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;

let undiciRequest: RequestFunction | undefined;
let sharedDispatcher: Dispatcher | undefined;

// undici's entry point loads all of undici (fetch, WebSocket, EventSource, caches,
// mocks): about three times the start-up cost of the agent and request API, which
// are all a request needs. Those are loaded directly, on first use; undici is
// pinned to one version, so the paths hold, and literal specifiers keep them
// visible to bundlers.
async function loadUndici(): Promise<RequestFunction> {
  // @ts-expect-error undici publishes no types for its internal modules
  undiciRequest ??= (await import('undici/lib/api/api-request.js')).default as RequestFunction;
  return undiciRequest;
}

// Created on first use, never at import. Core enforces its own timeouts, so
// undici's 300 s header/body timeouts are switched off rather than racing ours.
// Idle keep-alive sockets are unreferenced by undici, so they never keep a process alive.
async function defaultDispatcher(): Promise<Dispatcher> {
  if (sharedDispatcher) return sharedDispatcher;
  const environment = process.env;
  const usesProxy = Boolean(environment.HTTPS_PROXY || environment.https_proxy || environment.HTTP_PROXY || environment.http_proxy);
  const settings = { headersTimeout: 0, bodyTimeout: 0, keepAliveTimeout: 10_000, connections: 256 };
  // The proxy agents rely on the dispatcher methods undici's entry point installs, so a proxy loads all of it.
  const AgentClass: typeof Agent = usesProxy
    ? (await import('undici')).EnvHttpProxyAgent
    : // @ts-expect-error undici publishes no types for its internal modules
      (await import('undici/lib/dispatcher/agent.js')).default;
  sharedDispatcher ??= new AgentClass(settings);
  return sharedDispatcher;
}

function decompressor(encoding: string | null) {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

function ignore(): void {}

const inspectSymbol = /* @__PURE__ */ Symbol.for('nodejs.util.inspect.custom');

type RawHeaders = Record<string, string | string[] | undefined>;

// A Headers that copies undici's header object into itself when first used:
// most JSON responses are never asked for a header, and filling a Headers costs
// about as much as the rest of reading a small response. Every method fills it
// first, so it is a real Headers to whoever reads it.
class ResponseHeaders extends Headers {
  #raw: RawHeaders | undefined;

  constructor(raw: RawHeaders) {
    super();
    this.#raw = raw;
  }

  #fill(): void {
    const raw = this.#raw;
    if (!raw) return;
    this.#raw = undefined;
    for (const name in raw) {
      const value = raw[name];
      if (Array.isArray(value)) for (const item of value) super.append(name, item);
      else if (value !== undefined) super.append(name, value);
    }
  }

  append(name: string, value: string): void {
    this.#fill();
    super.append(name, value);
  }

  delete(name: string): void {
    this.#fill();
    super.delete(name);
  }

  get(name: string): string | null {
    this.#fill();
    return super.get(name);
  }

  getSetCookie(): string[] {
    this.#fill();
    return super.getSetCookie();
  }

  has(name: string): boolean {
    this.#fill();
    return super.has(name);
  }

  set(name: string, value: string): void {
    this.#fill();
    super.set(name, value);
  }

  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    this.#fill();
    super.forEach(callback, thisArg);
  }

  entries(): ReturnType<Headers['entries']> {
    this.#fill();
    return super.entries();
  }

  keys(): ReturnType<Headers['keys']> {
    this.#fill();
    return super.keys();
  }

  values(): ReturnType<Headers['values']> {
    this.#fill();
    return super.values();
  }

  [Symbol.iterator](): ReturnType<Headers['entries']> {
    this.#fill();
    return super[Symbol.iterator]();
  }

  [inspectSymbol](...args: unknown[]): unknown {
    this.#fill();
    return (Headers.prototype as unknown as Record<symbol, (...args: unknown[]) => unknown>)[inspectSymbol]?.apply(this, args) ?? [...this];
  }
}

/**
 * The Node transport: `undici.request` over a shared keep-alive agent (or the
 * caller's dispatcher, such as a ProxyAgent). A caller-supplied `fetch` wins.
 *
 * @example
 * const response = await send({ url, method: 'GET', headers: {}, body: undefined, signal, fetch: undefined, dispatcher: undefined });
 */
export async function send(request: TransportRequest): Promise<TransportResponse> {
  if (request.fetch) return sendWithFetch(request);
  const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', ...request.headers };
  let body = request.body;
  // undici would send a Blob's stream chunked; its size is known, so say it.
  if (body instanceof Blob) {
    headers['content-length'] ??= String(body.size);
    body = body.stream();
  }
  const url = new URL(request.url);
  const dispatcher = (request.dispatcher as Dispatcher | undefined) ?? sharedDispatcher ?? (await defaultDispatcher());
  // What undici.request(url, options) does, without its entry point: the dispatcher carries the request.
  const response = await (undiciRequest ?? (await loadUndici())).call(dispatcher, {
    origin: url.origin,
    path: url.pathname + url.search,
    method: request.method as Dispatcher.HttpMethod,
    headers,
    body: body instanceof ReadableStream ? Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>) : body,
    signal: request.signal,
  });
  // Cancelling a body nobody has read yet makes undici emit 'error' on it; without a
  // listener that would be an uncaught exception. Readers still see errors through the iterator.
  response.body.on('error', ignore);
  const encoding = response.headers['content-encoding'];
  const decoder = decompressor(Array.isArray(encoding) ? encoding.join(', ') : (encoding ?? null));
  const source: Readable = decoder ? pipeline(response.body, decoder, () => {}) : response.body;
  const iterator = source[Symbol.asyncIterator]();
  return {
    status: response.statusCode,
    headers: new ResponseHeaders(response.headers),
    async read() {
      const { done, value } = await iterator.next();
      return done ? undefined : (value as Uint8Array);
    },
    cancel() {
      source.on('error', ignore);
      source.destroy();
      response.body.destroy();
    },
  };
}

/**
 * Opens a file path as a Blob that streams from disk when sent, so a 1 GiB upload
 * never sits in memory. Missing files and directories are refused before sending.
 *
 * @example
 * const blob = await openFile('./training.jsonl');
 */
export async function openFile(path: string, field = 'file'): Promise<Blob> {
  let information: Awaited<ReturnType<typeof stat>>;
  try {
    information = await stat(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputRejectedError(
      code === 'ENOENT' ? `The file "${path}" (${field}) does not exist.` : `The file "${path}" cannot be read (${code ?? String(error)}).`,
      field,
    );
  }
  if (!information.isFile()) throw new InputRejectedError(`"${path}" is not a regular file (is it a directory?).`, field);
  return openAsBlob(path);
}

/** The transport's name, reported in response metadata. */
export const name = 'undici' as const;
