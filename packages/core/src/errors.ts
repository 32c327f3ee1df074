/**
 * Every error this library throws (except the platform's own AbortError, which
 * passes through untouched) extends {@link OpenAIMicroError}. Each class has a
 * literal `name` and a static `isInstance` that recognises errors thrown by
 * another copy of core (two versions installed side by side), where
 * `instanceof` would fail.
 */

const errorMarker = /* @__PURE__ */ Symbol.for('openai-micro.error');

/**
 * The JSON error body OpenAI and Azure send: `{ "error": { ... } }`.
 *
 * @example
 * if (APIError.isInstance(error) && typeof error.body === 'object') console.log((error.body as APIErrorBody).code);
 */
export interface APIErrorBody {
  message?: string | string[] | null;
  type?: string | null;
  param?: string | null;
  code?: string | number | null;
  /** Azure: why a content filter rejected the request. */
  innererror?: AzureInnerError;
  [field: string]: unknown;
}

/**
 * Azure's `innererror`, carried by content-filter rejections.
 *
 * @example
 * const inner: AzureInnerError | undefined = isContentFilterError(error) ? error.innerError : undefined;
 * console.log(inner?.content_filter_result?.violence?.severity);
 */
export interface AzureInnerError {
  code?: string;
  content_filter_result?: Record<string, { filtered?: boolean; severity?: string; detected?: boolean } | undefined>;
  [field: string]: unknown;
}

/**
 * The base of every error this library throws.
 *
 * @example
 * try { await createChatCompletion(client, params); }
 * catch (error) { if (OpenAIMicroError.isInstance(error)) console.error(error.name, error.message); }
 */
export class OpenAIMicroError extends Error {
  // Names and the marker are prototype getters rather than assignments so that the
  // classes stay free of module-level side effects and bundlers drop the ones a
  // program never uses. Fields are `declare`d and assigned in constructors, so no
  // class field definitions are emitted.
  get [errorMarker](): true {
    return true;
  }

  override get name(): string {
    return 'OpenAIMicroError';
  }

  /**
   * Whether `value` is an error of this class, also when thrown by another copy of core.
   *
   * @example
   * if (APIError.isInstance(error)) console.log(error.status);
   */
  static isInstance<T extends abstract new (...args: any[]) => OpenAIMicroError>(this: T, value: unknown): value is InstanceType<T> {
    if ((value as Record<symbol, unknown> | null | undefined)?.[errorMarker] !== true) return false;
    // Compared by name, not identity, so errors from another copy of core match too.
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class the guard was called on (APIError.isInstance).
    return this === (OpenAIMicroError as unknown) || (value as Error).name === this.prototype.name;
  }
}

/**
 * The server answered with a non-2xx status. Carries everything the server said:
 * status, request id, headers and the parsed OpenAI error body.
 *
 * @example
 * try { await listModels(client); }
 * catch (error) {
 *   if (APIError.isInstance(error) && error.status === 401) console.error('check OPENAI_API_KEY');
 * }
 */
export class APIError extends OpenAIMicroError {
  override get name(): 'APIError' {
    return 'APIError';
  }
  /** The HTTP status code. */
  declare readonly status: number;
  /** The `x-request-id` header, to quote to OpenAI support. */
  declare readonly requestId: string | undefined;
  /** All response headers. */
  declare readonly headers: Headers;
  /** The error `type`, such as `invalid_request_error` or `insufficient_quota`. */
  declare readonly type: string | undefined;
  /** The request field the error is about, when the server names one. */
  declare readonly param: string | undefined;
  /** The error code: a string for OpenAI, sometimes a number for compatible servers, or null. */
  declare readonly code: string | number | null | undefined;
  /** Azure's content-filter details. */
  declare readonly innerError: AzureInnerError | undefined;
  /** The parsed error object, or the start of the raw body when it was not JSON. */
  declare readonly body: APIErrorBody | string | undefined;

  constructor(init: {
    status: number;
    headers: Headers;
    message: string;
    body: APIErrorBody | string | undefined;
  }) {
    super(init.message);
    // A string body (not JSON) has none of these fields.
    const { type, param, code, innererror } = (init.body ?? {}) as APIErrorBody;
    Object.assign(this, init, {
      requestId: init.headers.get('x-request-id') ?? undefined,
      type: stringOrUndefined(type),
      param: stringOrUndefined(param),
      code,
      innerError: innererror,
    });
  }
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Whether `error` is an {@link APIError} with status 429 (rate limit or quota).
 * @example if (isRateLimitError(error)) console.log(error.headers.get('retry-after'));
 */
export function isRateLimitError(error: unknown): error is APIError {
  return APIError.isInstance(error) && error.status === 429;
}
/** Whether `error` is an {@link APIError} with status 401 (missing or wrong API key).
 * @example if (isAuthenticationError(error)) console.error('check the API key');
 */
export function isAuthenticationError(error: unknown): error is APIError {
  return APIError.isInstance(error) && error.status === 401;
}
/** Whether `error` is an {@link APIError} with status 403.
 * @example if (isPermissionDeniedError(error)) console.error('this key may not use that model');
 */
export function isPermissionDeniedError(error: unknown): error is APIError {
  return APIError.isInstance(error) && error.status === 403;
}
/** Whether `error` is an {@link APIError} with status 404.
 * @example if (isNotFoundError(error)) console.error('no such file');
 */
export function isNotFoundError(error: unknown): error is APIError {
  return APIError.isInstance(error) && error.status === 404;
}
/** Whether `error` is an {@link APIError} with status 400 or 422 (the request was refused as invalid).
 * @example if (isBadRequestError(error)) console.error(error.param, error.message);
 */
export function isBadRequestError(error: unknown): error is APIError {
  return APIError.isInstance(error) && (error.status === 400 || error.status === 422);
}
/** Whether `error` is an {@link APIError} with a 5xx status.
 * @example if (isServerError(error)) console.error('OpenAI is having trouble; try later');
 */
export function isServerError(error: unknown): error is APIError {
  return APIError.isInstance(error) && error.status >= 500;
}
/** Whether `error` is an Azure content-filter rejection (code `content_filter`).
 * @example if (isContentFilterError(error)) console.log(error.innerError?.content_filter_result);
 */
export function isContentFilterError(error: unknown): error is APIError {
  return APIError.isInstance(error) && (error.code === 'content_filter' || error.innerError?.code === 'ResponsibleAIPolicyViolation');
}

/**
 * The request never got an HTTP answer: DNS failure, refused or reset connection,
 * TLS failure. `cause` holds the platform's error.
 *
 * @example
 * if (ConnectionError.isInstance(error)) console.error('network trouble:', error.cause);
 */
export class ConnectionError extends OpenAIMicroError {
  override get name(): 'ConnectionError' {
    return 'ConnectionError';
  }
}

/**
 * A timeout fired. `timeout` says which one: `'request'` (the per-attempt
 * `timeout`, from sending until the response was read) or `'streamIdle'` (no
 * data on a streamed body for `streamIdleTimeout` ms).
 *
 * @example
 * if (TimeoutError.isInstance(error) && error.timeout === 'streamIdle') console.error('the stream stalled');
 */
export class TimeoutError extends OpenAIMicroError {
  override get name(): 'TimeoutError' {
    return 'TimeoutError';
  }
  declare readonly timeout: 'request' | 'streamIdle';
  declare readonly milliseconds: number;
  constructor(timeout: 'request' | 'streamIdle', milliseconds: number) {
    const request = timeout === 'request';
    super(`No ${request ? 'response' : 'stream data'} within ${milliseconds} ms; raise the "${request ? 'timeout' : 'streamIdleTimeout'}" option to wait longer.`);
    Object.assign(this, { timeout, milliseconds });
  }
}

/**
 * A 2xx response whose body could not be used: empty, not JSON, truncated, or
 * not matching the schema the caller asked to validate against. `bodyExcerpt`
 * holds the start of the body.
 *
 * @example
 * if (ResponseParseError.isInstance(error)) console.error(error.status, error.bodyExcerpt);
 */
export class ResponseParseError extends OpenAIMicroError {
  override get name(): 'ResponseParseError' {
    return 'ResponseParseError';
  }
  declare readonly status: number;
  declare readonly bodyExcerpt: string;
  /** Validation issues, when a caller-supplied schema rejected the body. */
  declare readonly issues: readonly unknown[] | undefined;
  constructor(message: string, init: { status: number; body: string; issues?: readonly unknown[]; cause?: unknown }) {
    super(message, init);
    Object.assign(this, { status: init.status, bodyExcerpt: excerpt(init.body), issues: init.issues });
  }
}

/**
 * A response or a single stream event was larger than the configured cap
 * (`maxResponseBytes`, `maxEventBytes`); the request was aborted to keep memory bounded.
 *
 * @example
 * if (ResponseTooLargeError.isInstance(error)) console.error(`over ${error.limit} bytes`);
 */
export class ResponseTooLargeError extends OpenAIMicroError {
  override get name(): 'ResponseTooLargeError' {
    return 'ResponseTooLargeError';
  }
  declare readonly limit: number;
  declare readonly option: 'maxResponseBytes' | 'maxEventBytes';
  constructor(option: 'maxResponseBytes' | 'maxEventBytes', limit: number) {
    super(`${option === 'maxResponseBytes' ? 'The response body' : 'A stream event'} is over ${limit} bytes; raise the "${option}" option to accept it.`);
    Object.assign(this, { option, limit });
  }
}

/**
 * The server sent an error inside a stream (`data: {"error": ...}` or
 * `event: error`). Carries the server's message, type and code.
 *
 * @example
 * for await (const chunk of stream) {}  // may throw StreamEventError
 */
export class StreamEventError extends OpenAIMicroError {
  override get name(): 'StreamEventError' {
    return 'StreamEventError';
  }
  declare readonly type: string | undefined;
  declare readonly code: string | number | null | undefined;
  declare readonly param: string | undefined;
  declare readonly body: unknown;
  constructor(message: string, body: unknown) {
    super(message);
    const { type, code, param } = (body ?? {}) as APIErrorBody;
    Object.assign(this, { type: stringOrUndefined(type), code, param: stringOrUndefined(param), body });
  }
}

/**
 * A stream broke its protocol: it ended before `[DONE]` or a finish reason
 * (`'truncated'`), sent too many empty lines or comments in a row
 * (`'emptyMessagesLimit'`, go-openai's ErrTooManyEmptyStreamMessages), or sent
 * an event whose data was not JSON (`'malformedEvent'`).
 *
 * @example
 * if (StreamProtocolError.isInstance(error) && error.reason === 'truncated') retryLater();
 */
export class StreamProtocolError extends OpenAIMicroError {
  override get name(): 'StreamProtocolError' {
    return 'StreamProtocolError';
  }
  declare readonly reason: 'truncated' | 'emptyMessagesLimit' | 'malformedEvent';
  constructor(reason: 'truncated' | 'emptyMessagesLimit' | 'malformedEvent', message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.assign(this, { reason });
  }
}

/**
 * The server redirected to another origin. The redirect is not followed, so no
 * credential reaches that origin. `location` is the target origin when the runtime exposes it.
 *
 * @example
 * if (RedirectError.isInstance(error)) console.error('refused redirect to', error.location);
 */
export class RedirectError extends OpenAIMicroError {
  override get name(): 'RedirectError' {
    return 'RedirectError';
  }
  declare readonly status: number;
  declare readonly location: string | undefined;
  /** Why the redirect was refused: another origin (or an unreadable target), or a same-origin chain longer than 20. */
  declare readonly reason: 'crossOrigin' | 'tooManyRedirects';
  constructor(status: number, location: string | undefined, reason: 'crossOrigin' | 'tooManyRedirects' = 'crossOrigin') {
    super(
      `Refused a ${status || 'opaque'} redirect to ${
        reason === 'crossOrigin' ? `another origin, ${location ?? 'unreadable'}, so credentials stay put (set baseURL there to trust it)` : `${location}: too many redirects (a loop?)`
      }.`,
    );
    Object.assign(this, { status, location, reason });
  }
}

/**
 * The library refused the call's input before sending anything: say, `stream:
 * true` given to a non-stream function, an id like `..`, a header value with a
 * line break, or a model an opt-in check rejects. Not to be confused with the
 * API's own `invalid_request_error`, which arrives as an {@link APIError}.
 * `field` names the parameter to change.
 *
 * @example
 * if (InputRejectedError.isInstance(error)) console.error(`fix "${error.field}": ${error.message}`);
 */
export class InputRejectedError extends OpenAIMicroError {
  override get name(): 'InputRejectedError' {
    return 'InputRejectedError';
  }
  declare readonly field: string | undefined;
  constructor(message: string, field?: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.assign(this, { field });
  }
}

/**
 * The client could not be configured: no API key, an invalid `baseURL`, or an
 * API key in a browser page without `dangerouslyAllowBrowser`.
 *
 * @example
 * try { createClient(); } catch (error) { if (ConfigurationError.isInstance(error)) console.error(error.message); }
 */
export class ConfigurationError extends OpenAIMicroError {
  override get name(): 'ConfigurationError' {
    return 'ConfigurationError';
  }
}

function excerpt(body: string): string {
  return body.length > 500 ? `${body.slice(0, 500)}… (${body.length} characters)` : body;
}

/**
 * Builds the {@link APIError} for a non-2xx response from its raw body text.
 * Handles OpenAI's `{ error: {...} }`, Azure's `innererror`, messages sent as
 * arrays, compatible servers' `{ error: "text" }`/`{ detail }`, and non-JSON
 * bodies such as a proxy's HTML page (kept as a short excerpt).
 *
 * @example
 * const error = createAPIError(502, new Headers(), '<html>Bad gateway</html>');
 */
export function createAPIError(status: number, headers: Headers, text: string): APIError {
  let body: APIErrorBody | string | undefined = text ? excerpt(text) : undefined;
  let message = text ? `(not an OpenAI error) ${excerpt(text.replace(/\s+/g, ' ').trim())}` : 'with no body';
  try {
    const record = JSON.parse(text);
    if (typeof record === 'object' && record) {
      const inner = record.error;
      body = typeof inner === 'object' && inner ? inner : typeof inner === 'string' ? { message: inner } : record;
      const raw = (body as APIErrorBody).message ?? record.detail ?? record.message;
      // Strings as they are, arrays (some compatible servers) joined, anything else as JSON.
      if (raw !== undefined) message = typeof raw === 'string' ? raw : Array.isArray(raw) ? raw.join('; ') : JSON.stringify(raw);
    }
  } catch {}
  return new APIError({ status, headers, message: `${status} ${message}`, body });
}
