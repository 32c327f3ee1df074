import { Buffer } from 'node:buffer';
import type { ServerResponse } from 'node:http';
import { rateLimitHeaders } from './rate-limit';
import { formatSseEvent } from './sse';
import type { DefaultReply, ReplyOptions, ScriptedReply } from './types';

/**
 * A reply that is ready to be written: every `default` has been resolved.
 *
 * @example
 * const reply: ConcreteReply = jsonReply({ ok: true });
 */
export type ConcreteReply = Exclude<ScriptedReply, DefaultReply>;

/**
 * Where and how {@link writeReply} writes.
 *
 * @example
 * const context: WriteContext = { response, signal: controller.signal, baseHeaders: { 'x-request-id': 'req_1' }, latency: 0 };
 */
export interface WriteContext {
  response: ServerResponse;
  /** Aborted when the client goes away or the server closes: waiting and writing stop. */
  signal: AbortSignal;
  /** Headers every reply carries unless the reply overrides them. */
  baseHeaders: Record<string, string>;
  /** Milliseconds added before every reply. */
  latency: number;
}

/**
 * Writes a reply: waits its delay, then sends status, headers and body the
 * way its kind asks (whole, in timed chunks, as events, never, or not at all).
 *
 * @example
 * await writeReply(sseReply([{ data: { a: 1 } }], { chunkDelay: 10 }), context);
 */
export async function writeReply(reply: ConcreteReply, context: WriteContext): Promise<void> {
  const { response, signal } = context;
  await sleep(context.latency + (reply.delay ?? 0), signal);
  if (signal.aborted) return;
  switch (reply.kind) {
    case 'disconnect':
      response.socket?.destroy();
      return;
    case 'json': {
      const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
      return sendWhole(reply, context, 'application/json', Buffer.from(body));
    }
    case 'text':
      return sendWhole(reply, context, reply.contentType ?? 'text/plain; charset=utf-8', Buffer.from(reply.body));
    case 'empty':
      response.writeHead(reply.status ?? 200, headersFor(reply, context, undefined));
      response.end();
      return;
    case 'binary':
      return sendBinary(reply, context);
    case 'sse':
      return sendEvents(reply, context);
    case 'hang':
      if (reply.afterHeaders) {
        response.writeHead(reply.status ?? 200, headersFor(reply, context, 'text/event-stream; charset=utf-8'));
        response.flushHeaders();
      }
      await untilAborted(signal);
      response.destroy();
      return;
  }
}

function sendWhole(reply: ConcreteReply & ReplyOptions, context: WriteContext, contentType: string, body: Buffer) {
  const status = reply.status ?? 200;
  const noBody = status === 204 || status === 304;
  const headers = headersFor(reply, context, noBody ? undefined : contentType);
  if (!noBody) headers['content-length'] = String(body.byteLength);
  context.response.writeHead(status, headers);
  context.response.end(noBody ? undefined : body);
}

async function sendBinary(reply: Extract<ConcreteReply, { kind: 'binary' }>, context: WriteContext) {
  const { response, signal } = context;
  const chunkSize = reply.chunkSize ?? 0;
  if (chunkSize <= 0) return sendWhole(reply, context, reply.contentType ?? 'application/octet-stream', Buffer.from(reply.body));
  // Without a Content-Length Node uses chunked encoding, so clients really read a stream.
  response.writeHead(reply.status ?? 200, headersFor(reply, context, reply.contentType ?? 'application/octet-stream'));
  response.flushHeaders();
  for (let offset = 0; offset < reply.body.byteLength; offset += chunkSize) {
    if (offset > 0) await sleep(reply.chunkDelay ?? 0, signal);
    if (!(await writeChunk(response, reply.body.subarray(offset, offset + chunkSize), signal))) return;
  }
  response.end();
}

async function sendEvents(reply: Extract<ConcreteReply, { kind: 'sse' }>, context: WriteContext) {
  const { response, signal } = context;
  const headers = headersFor(reply, context, 'text/event-stream; charset=utf-8');
  headers['cache-control'] ??= 'no-cache';
  response.writeHead(reply.status ?? 200, headers);
  // Headers go out before the first event so that clients can start reading
  // (and time the chunks) even when the first event is delayed.
  response.flushHeaders();
  const events = reply.done === false ? reply.events : [...reply.events, { data: '[DONE]' }];
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    await sleep(event.delay ?? (index > 0 ? (reply.chunkDelay ?? 0) : 0), signal);
    if (!(await writeChunk(response, formatSseEvent(event), signal))) return;
  }
  if (reply.disconnect) response.socket?.destroy();
  else response.end();
}

function headersFor(
  reply: ReplyOptions,
  context: WriteContext,
  contentType: string | undefined,
): Record<string, string> {
  const headers: Record<string, string> = { ...context.baseHeaders };
  if (contentType) headers['content-type'] = contentType;
  Object.assign(headers, reply.rateLimit ? rateLimitHeaders(reply.rateLimit) : {});
  if (reply.retryAfter !== undefined) headers['retry-after'] = String(reply.retryAfter);
  if (reply.retryAfterMilliseconds !== undefined) headers['retry-after-ms'] = String(reply.retryAfterMilliseconds);
  for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
  return headers;
}

async function writeChunk(response: ServerResponse, chunk: string | Uint8Array, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted || response.destroyed) return false;
  if (response.write(chunk)) return true;
  await new Promise<void>((resolve) => {
    const finish = () => {
      response.off('drain', finish);
      response.off('close', finish);
      signal.removeEventListener('abort', finish);
      resolve();
    };
    response.on('drain', finish);
    response.on('close', finish);
    signal.addEventListener('abort', finish);
  });
  return !signal.aborted && !response.destroyed;
}

/**
 * Waits `milliseconds`, or less if `signal` aborts first (it never rejects).
 *
 * @example
 * await sleep(100, controller.signal);
 */
export function sleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  if (milliseconds <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    };
    const timer = setTimeout(finish, milliseconds);
    signal.addEventListener('abort', finish);
  });
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
