import type {
  BinaryReply,
  DefaultReply,
  DisconnectReply,
  EmptyReply,
  HangReply,
  JsonReply,
  ReplyOptions,
  SseEvent,
  SseReply,
  TextReply,
} from './types';

/**
 * A JSON reply (status 200 unless `options.status` says otherwise).
 *
 * @example
 * server.on('GET /v1/models').replyOnce(jsonReply({ object: 'list', data: [] }));
 */
export function jsonReply(body: unknown, options: ReplyOptions = {}): JsonReply {
  return { ...options, kind: 'json', body };
}

/**
 * A plain-text reply; pass `contentType` for HTML error pages, srt, vtt...
 *
 * @example
 * server.on('POST /v1/chat/completions').replyOnce(
 *   textReply('<html><body>502 Bad Gateway</body></html>', { status: 502, contentType: 'text/html' }),
 * );
 */
export function textReply(body: string, options: ReplyOptions & { contentType?: string } = {}): TextReply {
  return { ...options, kind: 'text', body };
}

/**
 * A binary reply, optionally written in timed chunks so that clients see a stream.
 *
 * @example
 * server.on('POST /v1/audio/speech').replyOnce(
 *   binaryReply(new Uint8Array(4096), { contentType: 'audio/mpeg', chunkSize: 1024, chunkDelay: 20 }),
 * );
 */
export function binaryReply(
  body: Uint8Array,
  options: ReplyOptions & { contentType?: string; chunkSize?: number; chunkDelay?: number } = {},
): BinaryReply {
  return { ...options, kind: 'binary', body };
}

/**
 * A reply with a status and no body.
 *
 * @example
 * server.on('DELETE /v1/files/{file_id}').replyOnce(emptyReply(204));
 */
export function emptyReply(status: number, options: ReplyOptions = {}): EmptyReply {
  return { ...options, kind: 'empty', status };
}

/**
 * A server-sent events reply. `done` (default true) appends `data: [DONE]`;
 * `chunkDelay` spaces the events in time; `disconnect` drops the connection at the end.
 *
 * @example
 * server.on('POST /v1/chat/completions').replyOnce(
 *   sseReply([{ data: { choices: [{ index: 0, delta: { content: 'Hi' } }] } }], { chunkDelay: 50 }),
 * );
 */
export function sseReply(
  events: SseEvent[],
  options: ReplyOptions & { chunkDelay?: number; done?: boolean; disconnect?: boolean } = {},
): SseReply {
  return { ...options, kind: 'sse', events };
}

/**
 * A reply that never completes, for timeout tests. With `afterHeaders` the
 * status and headers go out first and only the body stalls.
 *
 * @example
 * server.on('POST /v1/chat/completions').replyOnce(hangReply({ afterHeaders: true }));
 */
export function hangReply(options: ReplyOptions & { afterHeaders?: boolean } = {}): HangReply {
  return { ...options, kind: 'hang' };
}

/**
 * Destroys the connection without answering, as a crashed proxy would; for retry tests.
 *
 * @example
 * server.on('POST /v1/embeddings').replyOnce(disconnectReply());
 */
export function disconnectReply(options: { delay?: number } = {}): DisconnectReply {
  return { ...options, kind: 'disconnect' };
}

/**
 * The server's own default reply for the request, adjusted: extra headers,
 * a delay, rate-limit headers, a different status, slower stream chunks.
 *
 * @example
 * server.on('POST /v1/chat/completions').replyOnce(defaultReply({ delay: 500, chunkDelay: 40 }));
 */
export function defaultReply(options: ReplyOptions & { chunkDelay?: number } = {}): DefaultReply {
  return { ...options, kind: 'default' };
}

/**
 * The fields of an OpenAI error body, plus the usual reply options.
 *
 * @example
 * const details: ErrorDetails = { message: 'Bad model', param: 'model', code: 'model_not_found', retryAfter: 1 };
 */
export interface ErrorDetails extends Omit<ReplyOptions, 'status'> {
  message?: string;
  /** `null` is sent as is (Azure errors have no type). */
  type?: string | null;
  /** A string, a number (some proxies) or null. */
  code?: string | number | null;
  param?: string | null;
  /** Azure's `innererror` (content filter results), sent only when given. */
  innererror?: unknown;
}

/**
 * An OpenAI-shaped error reply `{ error: { message, type, param, code } }`
 * with a realistic default message, type and code for the status.
 *
 * @example
 * server.on('POST /v1/chat/completions').replyOnce(errorReply(429, { retryAfter: 1 }));
 * server.on('POST /v1/chat/completions').replyOnce(errorReply(400, { message: 'Bad', param: 'messages' }));
 */
export function errorReply(status: number, details: ErrorDetails = {}): JsonReply {
  const { message, type, code, param, innererror, ...options } = details;
  const defaults = describeStatus(status);
  const error: Record<string, unknown> = {
    message: message ?? defaults.message,
    type: type === undefined ? defaults.type : type,
    param: param ?? null,
    code: code === undefined ? defaults.code : code,
  };
  if (innererror !== undefined) error.innererror = innererror;
  return { ...options, kind: 'json', status, body: { error } };
}

function describeStatus(status: number): { message: string; type: string; code: string | null } {
  switch (status) {
    case 400:
      return { message: 'Invalid request.', type: 'invalid_request_error', code: null };
    case 401:
      return { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' };
    case 403:
      return { message: 'You are not allowed to perform this request.', type: 'invalid_request_error', code: null };
    case 404:
      return { message: 'The requested resource was not found.', type: 'invalid_request_error', code: null };
    case 409:
      return { message: 'The request conflicts with the current state.', type: 'invalid_request_error', code: null };
    case 422:
      return { message: 'The request could not be processed.', type: 'invalid_request_error', code: null };
    case 429:
      return {
        message: 'Rate limit reached for requests. Please try again later.',
        type: 'requests',
        code: 'rate_limit_exceeded',
      };
    case 503:
      return { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', code: null };
    default:
      return status >= 500
        ? {
            message: 'The server had an error while processing your request. Sorry about that!',
            type: 'server_error',
            code: null,
          }
        : { message: `The request failed with status ${status}.`, type: 'invalid_request_error', code: null };
  }
}
