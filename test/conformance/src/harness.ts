/**
 * The servers between our packages and Prism, and the bookkeeping of which
 * operations were called.
 *
 * - A gateway forwards every request to Prism unchanged and records the
 *   exchange: what was sent, Prism's status, its `sl-violations` header and
 *   its body (Prism's 422 body lists each violation).
 * - A stream server does the same (so Prism validates the streamed call's
 *   body, which it then answers as plain JSON), and, when Prism accepts it,
 *   answers the client with scripted, spec-checked server-sent events.
 * - A recorder answers scripted JSON and records the request, for operations
 *   the spec does not have (checked against go-openai instead).
 */
import { type LoopbackServer, type RecordedRequest, startLoopbackServer } from '@openai-micro/tooling/loopback';
import { expect } from 'vitest';

export interface Exchange {
  /** Which server saw it. */
  server: 'prism' | 'azure-prism' | 'stream' | 'azure-stream' | 'recorder';
  request: RecordedRequest;
  /** Prism's verdict (the recorder leaves these at 200 / undefined). */
  status: number;
  violations: string | undefined;
  responseBody: string;
}

/** Every exchange of the run, in order. */
export const exchanges: Exchange[] = [];

const dropRequestHeaders = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'expect']);
const dropResponseHeaders = new Set(['connection', 'keep-alive', 'content-length', 'transfer-encoding', 'content-encoding', 'date']);

/**
 * Sends a recorded request on to `target` as it arrived (method, path, query,
 * headers, body bytes); `replace` overrides headers.
 */
export async function forward(
  target: string,
  request: RecordedRequest,
  replace: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const headers = new Headers();
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    const name = request.rawHeaders[index] ?? '';
    if (!dropRequestHeaders.has(name.toLowerCase()) && !(name.toLowerCase() in replace)) headers.append(name, request.rawHeaders[index + 1] ?? '');
  }
  for (const [name, value] of Object.entries(replace)) headers.set(name, value);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const response = await fetch(`${target}${request.url}`, {
    method: request.method,
    headers,
    body: hasBody ? new Uint8Array(request.body) : undefined,
    redirect: 'manual',
  });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

function record(server: Exchange['server'], request: RecordedRequest, status: number, headers: Headers | undefined, body: Buffer): Exchange {
  const exchange: Exchange = { server, request, status, violations: headers?.get('sl-violations') ?? undefined, responseBody: body.toString('utf8') };
  exchanges.push(exchange);
  return exchange;
}

/** {@link forward}, with a failure to reach the target (Prism dropping the connection, an answer no HTTP client accepts) as a 502 that names it. */
async function forwardOrExplain(target: string, request: RecordedRequest, replace?: Record<string, string>): Promise<{ status: number; headers: Headers; body: Buffer }> {
  try {
    return await forward(target, request, replace);
  } catch (error) {
    const cause = (error as { cause?: { message?: string } })?.cause?.message;
    const message = `The conformance gateway got no usable answer from ${target}: ${(error as Error)?.message}${cause ? ` (${cause})` : ''}`;
    return { status: 502, headers: new Headers({ 'content-type': 'text/plain' }), body: Buffer.from(message) };
  }
}

function plainHeaders(headers: Headers): Record<string, string> {
  const result: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!dropResponseHeaders.has(name)) result[name] = value;
  });
  return result;
}

/** A gateway to a Prism server. */
export function startGateway(server: 'prism' | 'azure-prism', target: string): Promise<LoopbackServer> {
  return startLoopbackServer(async (request, reply) => {
    const answer = await forwardOrExplain(target, request);
    record(server, request, answer.status, answer.headers, answer.body);
    await reply.send(answer.status, answer.body, plainHeaders(answer.headers));
  });
}

/** One scripted SSE reply: the raw event blocks, each ending with a blank line. */
export type StreamScript = string[];

/** A server whose answers a test sets before each call. */
export interface ScriptedServer<Script> {
  server: LoopbackServer;
  url: string;
  script: Script;
}

/**
 * A stream server: Prism validates the request, then the client gets
 * `script` as `text/event-stream`. A request Prism refuses gets Prism's
 * answer instead, so the call fails the way it would against a real server.
 */
export async function startStreamServer(server: 'stream' | 'azure-stream', target: string): Promise<ScriptedServer<StreamScript>> {
  const scripted = { script: [] as StreamScript } as ScriptedServer<StreamScript>;
  scripted.server = await startLoopbackServer(async (request, reply) => {
    // The spec declares JSON answers only, and Prism cannot stream: it is asked
    // for JSON, and judges the body (stream: true included), path and credentials.
    const answer = await forwardOrExplain(target, request, { accept: 'application/json' });
    const exchange = record(server, request, answer.status, answer.headers, answer.body);
    if (answer.status >= 300 || exchange.violations) {
      await reply.send(answer.status, answer.body, plainHeaders(answer.headers));
      return;
    }
    await reply.sse(scripted.script, { headers: { 'x-request-id': 'req_conformance_stream' } });
  });
  scripted.url = scripted.server.url;
  return scripted;
}

/** A recorder that answers each request with the JSON its script returns. */
export async function startRecorder(): Promise<ScriptedServer<(request: RecordedRequest) => unknown>> {
  const scripted = { script: () => ({}) } as unknown as ScriptedServer<(request: RecordedRequest) => unknown>;
  scripted.server = await startLoopbackServer(async (request, reply) => {
    const body = Buffer.from(JSON.stringify(scripted.script(request)));
    record('recorder', request, 200, undefined, body);
    await reply.send(200, body, { 'content-type': 'application/json' });
  });
  scripted.url = scripted.server.url;
  return scripted;
}

/** Operations called, as `package:function`, with the servers that saw their requests. */
export const exercised = new Map<string, Set<Exchange['server']>>();

function describeExchange(exchange: Exchange): string {
  const { request } = exchange;
  const body = request.body.length > 2_000 ? `${request.body.subarray(0, 2_000).toString('utf8')}…` : request.body.toString('utf8');
  return [
    `  ${exchange.server}: ${request.method} ${request.url} -> ${exchange.status}`,
    `  request content-type: ${String(request.headers['content-type'] ?? '(none)')}`,
    `  request body: ${body || '(empty)'}`,
    exchange.violations ? `  sl-violations: ${exchange.violations}` : '',
    exchange.status >= 300 ? `  response: ${exchange.responseBody.slice(0, 4_000)}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** True when Prism flagged the exchange. */
export function flagged(exchange: Exchange): boolean {
  return exchange.status >= 300 || exchange.violations !== undefined;
}

/**
 * Calls one exported operation, looked up by name on its module so the name
 * counted as exercised is the function that ran, and fails with the full
 * exchange when the call throws (a response our code cannot parse, or an error
 * status) or when Prism flagged any request it made.
 *
 * @example
 * const { result } = await exercise('@openai-micro/models', models, 'listModels', (fn) => fn(client));
 */
export async function exercise<Module extends object, Name extends keyof Module & string, Result>(
  packageName: string,
  module: Module,
  name: Name,
  run: (operation: Module[Name]) => Promise<Result>,
): Promise<{ result: Result; exchanges: Exchange[] }> {
  const operation = module[name];
  if (typeof operation !== 'function') throw new Error(`${packageName} exports no function ${name}.`);
  const key = `${packageName}:${name}`;
  const servers = exercised.get(key) ?? new Set();
  exercised.set(key, servers);
  const start = exchanges.length;
  let result: Result;
  try {
    result = await run(operation);
  } catch (error) {
    const seen = exchanges.slice(start);
    throw new Error(`${name} failed: ${(error as Error)?.message ?? String(error)}\n${seen.map(describeExchange).join('\n') || '  (no request reached a server)'}`, {
      cause: error,
    });
  }
  const seen = exchanges.slice(start);
  for (const exchange of seen) servers.add(exchange.server);
  if (seen.length === 0) throw new Error(`${name} resolved without sending a request.`);
  const bad = seen.filter(flagged);
  if (bad.length > 0) throw new Error(`Prism flagged ${name}:\n${bad.map(describeExchange).join('\n')}`);
  return { result, exchanges: seen };
}

/** The one exchange a call made. */
export function only(list: Exchange[]): Exchange {
  if (list.length !== 1) throw new Error(`Expected one request, got ${list.length}:\n${list.map(describeExchange).join('\n')}`);
  return list[0] as Exchange;
}

/** The JSON body the server answered. */
export function responseJSON(exchange: Exchange): unknown {
  return JSON.parse(exchange.responseBody);
}

/** The JSON body the client sent. */
export function requestJSON(exchange: Exchange): unknown {
  return JSON.parse(exchange.request.body.toString('utf8'));
}

/**
 * Checks a call that made one request: its method and URL (path and query),
 * the JSON body sent (none when `body` is undefined; not checked when it is
 * `'any'`), and that the result is what the server answered (for a page, its
 * first page).
 */
export function expectCall(call: { result: unknown; exchanges: Exchange[] }, method: string, url: string, body?: unknown): Exchange {
  const exchange = only(call.exchanges);
  expect(exchange.request.method).toBe(method);
  expect(exchange.request.url).toBe(url);
  if (body === undefined) expect(exchange.request.body.length).toBe(0);
  else if (body !== 'any') expect(requestJSON(exchange)).toEqual(body);
  const sent = responseJSON(exchange);
  const result = call.result as { data?: unknown[]; [Symbol.asyncIterator]?: unknown };
  if (typeof result[Symbol.asyncIterator] === 'function') expect({ ...result, data: [...(result.data ?? [])] }).toMatchObject(sent as object);
  else expect(result).toEqual(sent);
  return exchange;
}

/** One part of a recorded multipart body. */
export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  value: string;
}

/** Splits the multipart body a client sent into its parts, in order. */
export function formParts(exchange: Exchange): FormPart[] {
  const contentType = String(exchange.request.headers['content-type'] ?? '');
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
  if (!boundary) throw new Error(`Not a multipart request: ${contentType}`);
  const text = exchange.request.body.toString('latin1');
  return text
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      const [head = '', ...rest] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
      const value = rest.join('\r\n\r\n').replace(/\r\n$/, '');
      const disposition = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? '';
      const part: FormPart = { name: /\bname="([^"]*)"/.exec(disposition)?.[1] ?? '', value };
      const filename = /\bfilename="([^"]*)"/.exec(disposition)?.[1];
      const type = /content-type:\s*([^\r\n]*)/i.exec(head)?.[1];
      if (filename !== undefined) part.filename = filename;
      if (type !== undefined) part.contentType = type;
      return part;
    });
}
