/**
 * One part of a `multipart/form-data` body, as the server received it.
 *
 * @example
 * const purpose = request.parts?.find((part) => part.name === 'purpose')?.text;
 * const file = request.parts?.find((part) => part.filename !== undefined);
 * expect(file?.data).toEqual(new TextEncoder().encode('{"prompt":"hi"}\n'));
 */
export interface MultipartPart {
  /** The `name` parameter of the part's Content-Disposition. */
  name: string;
  /** The `filename` (or decoded `filename*`) parameter; undefined for plain fields. */
  filename: string | undefined;
  /** The part's own Content-Type header, if it sent one. */
  contentType: string | undefined;
  /** Every header of the part, names in lower case. */
  headers: Record<string, string>;
  /** The part's bytes, exactly as sent. */
  data: Uint8Array;
  /** The part's bytes decoded as UTF-8. */
  text: string;
}

/**
 * What an Azure-shaped request named in its URL.
 *
 * @example
 * expect(server.lastRequest()?.azure).toEqual({ deployment: 'gpt-35-turbo', apiVersion: '2024-02-01' });
 */
export interface AzureRequestDetails {
  /** The `{deployment}` segment of `/openai/deployments/{deployment}/...`; undefined for `/openai/{path}` routes. */
  deployment: string | undefined;
  /** The `api-version` query parameter, if present. */
  apiVersion: string | undefined;
}

/**
 * Everything the server recorded about one request. Tests assert on these.
 *
 * @example
 * const request = server.lastRequest('POST /v1/chat/completions');
 * expect(request?.json).toMatchObject({ model: 'gpt-4o-mini', stream: true });
 * expect(request?.headers.authorization).toBe('Bearer sk-test');
 */
export interface RecordedRequest {
  /** 1 for the first request this server received, then 2, 3, ... */
  sequence: number;
  /** Upper-case HTTP method. */
  method: string;
  /** Path and query exactly as the client sent them. */
  url: string;
  /** The path as the client sent it (`/openai/deployments/x/chat/completions` for Azure). */
  path: string;
  /** The OpenAI path this request maps to: the same as `path`, or the `/v1/...` form of an Azure path. */
  operationPath: string;
  /** The default route that matched, e.g. `'GET /v1/files/{file_id}'`; undefined when none did. */
  route: string | undefined;
  /** The `{param}` values of that route, decoded. */
  params: Record<string, string>;
  /** Query parameters; a repeated name keeps its last value. */
  query: Record<string, string>;
  /** Request headers, names in lower case; repeated headers are joined with `, `. */
  headers: Record<string, string>;
  /** The raw body bytes (empty when there was no body). */
  body: Uint8Array;
  /** The body decoded as UTF-8. */
  text: string;
  /** The body parsed as JSON, or undefined when it was empty or not JSON. */
  json: unknown;
  /** The parsed parts of a `multipart/form-data` body, or undefined for any other body. */
  parts: MultipartPart[] | undefined;
  /** Set for Azure-shaped requests (`/openai/...`), undefined for OpenAI-shaped ones. */
  azure: AzureRequestDetails | undefined;
  /** When the request's body had been read, in milliseconds since the epoch (from the `now` option). */
  receivedAt: number;
}

/**
 * Values for the `x-ratelimit-*` response headers. Only the given ones are sent.
 *
 * @example
 * server.on('POST /v1/chat/completions').replyOnce(
 *   errorReply(429, { rateLimit: { remainingRequests: 0, resetRequests: '6m0s' }, retryAfter: 2 }),
 * );
 */
export interface RateLimitValues {
  /** `x-ratelimit-limit-requests` */
  limitRequests?: number;
  /** `x-ratelimit-limit-tokens` */
  limitTokens?: number;
  /** `x-ratelimit-remaining-requests` */
  remainingRequests?: number;
  /** `x-ratelimit-remaining-tokens` */
  remainingTokens?: number;
  /** `x-ratelimit-reset-requests`, a Go duration such as `'1s'` or `'6m0s'`. */
  resetRequests?: string;
  /** `x-ratelimit-reset-tokens`, a Go duration such as `'20ms'`. */
  resetTokens?: string;
}

/**
 * Settings every kind of scripted reply accepts.
 *
 * @example
 * jsonReply({ ok: true }, { status: 201, delay: 250, headers: { 'x-request-id': 'req_custom' } });
 */
export interface ReplyOptions {
  /** HTTP status; each kind has its own default (200, or the error's status). */
  status?: number;
  /** Extra response headers; they win over the server's own headers of the same name. */
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering (added to the server's `latency`). */
  delay?: number;
  /** Rate-limit headers to send. */
  rateLimit?: RateLimitValues;
  /** `Retry-After` header: seconds as a number, or any string (an HTTP date). */
  retryAfter?: number | string;
  /** `retry-after-ms` header, which the official SDKs read before `Retry-After`. */
  retryAfterMilliseconds?: number;
}

/**
 * A JSON body. Build it with {@link jsonReply}.
 *
 * @example
 * const reply: JsonReply = { kind: 'json', body: { object: 'list', data: [] } };
 */
export interface JsonReply extends ReplyOptions {
  kind: 'json';
  body: unknown;
}

/**
 * A text body (srt, vtt, an HTML error page from a proxy...). Build it with {@link textReply}.
 *
 * @example
 * const reply: TextReply = { kind: 'text', body: '<html>Bad gateway</html>', contentType: 'text/html', status: 502 };
 */
export interface TextReply extends ReplyOptions {
  kind: 'text';
  body: string;
  /** Defaults to `text/plain; charset=utf-8`. */
  contentType?: string;
}

/**
 * A binary body, optionally written in timed chunks. Build it with {@link binaryReply}.
 *
 * @example
 * const reply: BinaryReply = { kind: 'binary', body: new Uint8Array([1, 2, 3]), contentType: 'audio/mpeg' };
 */
export interface BinaryReply extends ReplyOptions {
  kind: 'binary';
  body: Uint8Array;
  /** Defaults to `application/octet-stream`. */
  contentType?: string;
  /** Write the body in pieces of this many bytes (default: one piece). */
  chunkSize?: number;
  /** Milliseconds between pieces. */
  chunkDelay?: number;
}

/**
 * A status with no body (204, 304, a bare 500...). Build it with {@link emptyReply}.
 *
 * @example
 * const reply: EmptyReply = { kind: 'empty', status: 503 };
 */
export interface EmptyReply extends ReplyOptions {
  kind: 'empty';
}

/**
 * One server-sent event. `data` that is not a string is written as JSON; a
 * string with line breaks becomes several `data:` lines. `comment` writes a
 * `: comment` line and `raw` writes its text untouched (for malformed streams).
 *
 * @example
 * const events: SseEvent[] = [
 *   { event: 'thread.run.created', data: { id: 'run_1', object: 'thread.run' } },
 *   { comment: 'keep-alive', delay: 500 },
 *   { raw: 'data: {"error":{"message":"boom"}}\n\n' },
 * ];
 */
export type SseEvent =
  | { data: unknown; event?: string; id?: string; retry?: number; delay?: number }
  | { comment: string; delay?: number }
  | { raw: string; delay?: number };

/**
 * A `text/event-stream` body. Build it with {@link sseReply} or {@link chatCompletionStreamReply}.
 *
 * @example
 * const reply: SseReply = { kind: 'sse', events: [{ data: { hello: 1 } }], chunkDelay: 20, done: true };
 */
export interface SseReply extends ReplyOptions {
  kind: 'sse';
  events: SseEvent[];
  /** Milliseconds between events (an event's own `delay` wins). */
  chunkDelay?: number;
  /** Append `data: [DONE]` after the events (default true). */
  done?: boolean;
  /** Destroy the connection after the last event instead of ending the response cleanly. */
  disconnect?: boolean;
}

/**
 * Never finish answering, until the client gives up or the server closes. Build it with {@link hangReply}.
 *
 * @example
 * const reply: HangReply = { kind: 'hang', afterHeaders: true };
 */
export interface HangReply extends ReplyOptions {
  kind: 'hang';
  /** Send the status and headers first, then stall the body (an idle stream). */
  afterHeaders?: boolean;
}

/**
 * Destroy the connection without an HTTP answer. Build it with {@link disconnectReply}.
 *
 * @example
 * const reply: DisconnectReply = { kind: 'disconnect', delay: 10 };
 */
export interface DisconnectReply {
  kind: 'disconnect';
  delay?: number;
}

/**
 * Answer as the server would by default, adjusted. Build it with {@link defaultReply}.
 *
 * @example
 * const reply: DefaultReply = { kind: 'default', delay: 300, chunkDelay: 50 };
 */
export interface DefaultReply extends ReplyOptions {
  kind: 'default';
  /** For a default that streams: milliseconds between events. */
  chunkDelay?: number;
}

/**
 * Any reply the server can give.
 *
 * @example
 * const replies: ScriptedReply[] = [jsonReply({}), errorReply(500), sseReply([{ data: 'x' }]), hangReply()];
 */
export type ScriptedReply =
  | JsonReply
  | TextReply
  | BinaryReply
  | EmptyReply
  | SseReply
  | HangReply
  | DisconnectReply
  | DefaultReply;

/**
 * What a reply function receives besides the request.
 *
 * @example
 * server.reply('GET /v1/models/{model}', (request, context) =>
 *   context.params.model === 'missing' ? errorReply(404) : undefined,
 * );
 */
export interface ReplyContext {
  /** The `{param}` values of the scripted route's pattern. */
  params: Record<string, string>;
  /** The reply the server would give without this script (built on demand; it changes server state like a real call). */
  defaultReply(): Promise<ScriptedReply>;
}

/**
 * A reply computed per request. Returning undefined passes the request on to
 * the next script of a matching route, and finally to the default reply.
 *
 * @example
 * const echo: ReplyHandler = (request) => chatCompletionReply({ content: JSON.stringify(request.json) });
 */
export type ReplyHandler = (
  request: RecordedRequest,
  context: ReplyContext,
) => ScriptedReply | undefined | Promise<ScriptedReply | undefined>;

/**
 * A reply or a function that makes one.
 *
 * @example
 * server.reply('POST /v1/embeddings', errorReply(500));
 * server.reply('POST /v1/embeddings', (request) => (request.json ? undefined : errorReply(400)));
 */
export type ReplyInput = ScriptedReply | ReplyHandler;
