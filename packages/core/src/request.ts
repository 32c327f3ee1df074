import * as transport from '#transport';
import { type Client, clientInternals, type HeaderValues, invalidSetting, type QueryValues, type TransportSettings } from './client.js';
import {
  APIError,
  ConnectionError,
  createAPIError,
  InputRejectedError,
  OpenAIMicroError,
  RedirectError,
  ResponseTooLargeError,
  TimeoutError,
} from './errors.js';
import { isPreparedBody, type PreparedBody } from './prepared-body.js';
import { backoffMs, isRetryableStatus, maxRetryAfterMs, retryAfterMs, sleep } from './retry.js';
import type { TransportResponse } from './transport.js';

/** A Standard Schema (valibot, zod, arktype…) used to validate a response when the caller asks. */
export interface StandardSchema<Output = unknown> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
    ) => { value: Output; issues?: undefined } | { issues: readonly unknown[] } | Promise<{ value: Output; issues?: undefined } | { issues: readonly unknown[] }>;
  };
}

/** Per-call options: the last argument of every operation. */
export interface RequestOptions<Result = unknown> extends TransportSettings {
  /** Cancels the call; the platform's AbortError is thrown. */
  signal?: AbortSignal;
  /** Headers for this call; `null` removes one set by the client. */
  headers?: HeaderValues;
  /** Query parameters for this call. */
  query?: QueryValues;
  /** Validate the response with this schema (valibot's, or any Standard Schema); off when absent. */
  schema?: StandardSchema<Result>;
  /** Upload progress, for calls that send files. */
  onUploadProgress?: (progress: { loaded: number; total: number | undefined }) => void;
}

/** What an operation asks core to send. */
export interface OperationRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** The API path after the base URL, with ids already encoded (see `path`). */
  path: string;
  query?: QueryValues;
  /** A JSON value, or a multipart body from `createMultipartBody`. */
  body?: unknown;
  /** The model of the request: picks the Azure deployment. */
  model?: string;
  /** Operation defaults such as `OpenAI-Beta`; the client's and the call's headers override them. */
  headers?: HeaderValues;
}

/** The effective settings of one call: client settings overridden by call options. */
export interface CallSettings {
  timeout: number;
  streamIdleTimeout: number;
  maxRetries: number;
  maxResponseBytes: number;
  maxEventBytes: number;
  emptyMessagesLimit: number;
}

/** One attempt whose response headers have arrived with a 2xx status. */
export interface Attempt {
  response: TransportResponse;
  settings: CallSettings;
  /** Aborting it cancels the HTTP request. */
  controller: AbortController;
  /** Stops the per-attempt timer: streamed bodies are bounded by the idle timeout instead. */
  stopRequestTimer(): void;
  /** Clears timers and listeners; call once the body is finished or abandoned. */
  release(): void;
  /** Maps an error raised while reading the body to the typed error a caller should see. */
  failure(error: unknown): unknown;
  /** The transport that carried the request. */
  transportName: 'undici' | 'fetch';
}

/** How an operation consumes a successful response. */
export interface ResponseHandling<Result> {
  /** The Accept header. */
  accept: string;
  /** Reads the response; for non-streaming handling it runs under the per-attempt timeout and may be retried. */
  consume(attempt: Attempt): Promise<Result>;
  /** True when `consume` hands the body to the caller (streams): the attempt is then never retried or released here. */
  streaming: boolean;
}

const secretQueryPattern = /key|token|secret|password|signature|sig$/i;

function redactURL(url: URL): string {
  const copy = new URL(url);
  for (const name of [...copy.searchParams.keys()]) if (secretQueryPattern.test(name)) copy.searchParams.set(name, '[redacted]');
  copy.username = '';
  copy.password = '';
  return copy.href;
}

function appendQuery(url: URL, values: QueryValues | undefined): void {
  if (!values) return;
  for (const name in values) {
    const value = values[name];
    if (value === undefined) continue;
    // null removes a parameter an earlier layer (client, operation) set, as with headers.
    url.searchParams.delete(name);
    if (value === null) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(name, String(item));
    else url.searchParams.append(name, String(value));
  }
}

function mergeHeaders(target: Record<string, string>, values: HeaderValues | undefined): void {
  if (!values) return;
  for (const name in values) {
    const value = values[name];
    const key = name.toLowerCase();
    if (value === null) {
      delete target[key];
      continue;
    }
    if (value === undefined) continue;
    if (/[\r\n\0]/.test(name) || /[\r\n\0]/.test(value)) {
      throw new InputRejectedError(`The header "${name.replace(/[\r\n\0]/g, ' ')}" contains a line break or NUL character; remove it.`, 'headers');
    }
    target[key] = value;
  }
}

const maxErrorBodyBytes = 64 * 1024;
const maxRedirects = 20;
const maxTimerMs = 2_147_483_647;

// The credentials of one call, so that an error body echoing them (a misconfigured
// proxy, a compatible server) never carries them into a message, a log or a stack.
function secretValues(headers: Record<string, string>, names: readonly string[]): string[] {
  const values: string[] = [];
  for (const name of names) {
    const value = headers[name];
    if (!value) continue;
    values.push(value);
    const token = /^bearer\s+(.+)$/i.exec(value)?.[1];
    if (token) values.push(token);
  }
  return values.filter((value) => value.length >= 8).sort((left, right) => right.length - left.length);
}

function redactSecrets(text: string, secrets: readonly string[]): string {
  for (const secret of secrets) text = text.split(secret).join('[redacted]');
  return text;
}

function randomIdentifier(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}

/**
 * Reads a whole body as text, within `maxResponseBytes`.
 *
 * @example
 * const text = await readBodyText(attempt.response, attempt.settings.maxResponseBytes);
 */
export async function readBodyText(response: TransportResponse, limit: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (let chunk = await response.read(); chunk; chunk = await response.read()) {
    size += chunk.byteLength;
    if (size > limit) {
      response.cancel();
      throw new ResponseTooLargeError('maxResponseBytes', limit);
    }
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

// An error body is only ever shown as an excerpt: keep its start, drop the rest,
// and let a failure while reading it surface as the timeout or reset it was.
async function readBodyPrefix(response: TransportResponse, limit: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (let chunk = await response.read(); chunk; chunk = await response.read()) {
    text += decoder.decode(chunk.subarray(0, Math.max(0, limit - size)), { stream: true });
    size += chunk.byteLength;
    if (size >= limit) {
      response.cancel();
      break;
    }
  }
  return text + decoder.decode();
}

/**
 * Sends one operation with retries, timeouts, redirects refused and errors
 * typed, then hands the successful response to `handling.consume`. Every
 * operation in every package goes through here.
 *
 * @example
 * const value = await executeRequest(client, { method: 'GET', path: '/models' }, {}, jsonHandling());
 */
export async function executeRequest<Result>(
  client: Client,
  request: OperationRequest,
  options: RequestOptions<any> | undefined,
  handling: ResponseHandling<Result>,
): Promise<Result> {
  const internals = clientInternals(client);
  const callOptions = options ?? {};
  const invalid = invalidSetting(callOptions);
  if (invalid) throw new InputRejectedError(`The "${invalid}" call option must be ${invalid === 'maxRetries' ? 'a whole number of 0 or more' : 'a number above 0'}.`, invalid);
  const settings: CallSettings = {
    // Timers longer than 2^31-1 ms fire at once in every runtime; clamping makes Infinity mean "no limit".
    timeout: Math.min(callOptions.timeout ?? internals.timeout, maxTimerMs),
    streamIdleTimeout: Math.min(callOptions.streamIdleTimeout ?? internals.streamIdleTimeout, maxTimerMs),
    maxRetries: callOptions.maxRetries ?? internals.maxRetries,
    maxResponseBytes: internals.maxResponseBytes,
    maxEventBytes: internals.maxEventBytes,
    emptyMessagesLimit: internals.emptyMessagesLimit,
  };
  const logger = internals.logger;
  const userSignal = callOptions.signal;
  let url = internals.url(request.path, request.model);
  appendQuery(url, internals.query);
  appendQuery(url, request.query);
  appendQuery(url, callOptions.query);

  const headers: Record<string, string> = { accept: handling.accept };
  const body = request.body;
  let prepared: PreparedBody | undefined;
  let payload: string | undefined;
  if (isPreparedBody(body)) {
    prepared = body;
    headers['content-type'] = body.contentType;
    if (body.contentLength !== undefined) headers['content-length'] = String(body.contentLength);
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  if (request.method === 'POST') headers['idempotency-key'] = `openai-micro-${randomIdentifier()}`;
  // Through mergeHeaders, so a line break in a key, organization or token is refused too.
  mergeHeaders(headers, await internals.authHeaders());
  mergeHeaders(headers, request.headers);
  mergeHeaders(headers, internals.headers);
  mergeHeaders(headers, callOptions.headers);
  const secrets = secretValues(headers, internals.secretHeaders);
  const fetchFunction = callOptions.fetch ?? internals.fetch;
  const transportName = fetchFunction ? 'fetch' : transport.name;
  let method: string = request.method;
  let redirects = 0;

  for (let attempt = 1; ; attempt++) {
    if (userSignal?.aborted) throw userSignal.reason;
    const controller = new AbortController();
    const onUserAbort = () => controller.abort(userSignal?.reason);
    userSignal?.addEventListener('abort', onUserAbort, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(
      () => controller.abort(new TimeoutError('request', settings.timeout)),
      settings.timeout,
    );
    const stopRequestTimer = () => {
      clearTimeout(timer);
      timer = undefined;
    };
    const release = () => {
      stopRequestTimer();
      userSignal?.removeEventListener('abort', onUserAbort);
    };
    const failure = (error: unknown): unknown => {
      if (controller.signal.aborted) return controller.signal.reason;
      if (OpenAIMicroError.isInstance(error)) return error;
      return new ConnectionError(`The connection failed: ${(error as Error)?.message ?? String(error)}.`, { cause: error });
    };
    const started = Date.now();
    let handedOver = false;
    try {
      const response = await transport.send({
        url: url.href,
        method,
        headers,
        body: prepared ? prepared.open(callOptions.onUploadProgress) : payload,
        signal: controller.signal,
        fetch: fetchFunction,
        dispatcher: internals.dispatcher,
      });
      const status = response.status;
      logger?.info?.(`${method} ${redactURL(url)} -> ${status} in ${Date.now() - started} ms${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
      if (status === 0 || (status >= 300 && status < 400)) {
        response.cancel();
        const location = response.headers.get('location');
        const target = location && status ? new URL(location, url) : undefined;
        if (!target || target.origin !== url.origin) throw new RedirectError(status, target?.origin);
        // Fetch's own limit: a server redirecting in a circle must not spin forever.
        if (++redirects > maxRedirects) throw new RedirectError(status, target.href, 'tooManyRedirects');
        // A same-origin redirect carries no credential anywhere new; follow it as HTTP says.
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
          method = 'GET';
          payload = undefined;
          prepared = undefined;
          delete headers['content-type'];
          delete headers['content-length'];
        }
        url = target;
        release();
        attempt--;
        continue;
      }
      if (status >= 400) {
        const text = await readBodyPrefix(response, maxErrorBodyBytes);
        throw createAPIError(status, response.headers, redactSecrets(text, secrets));
      }
      const result = await handling.consume({ response, settings, controller, stopRequestTimer, release, failure, transportName });
      handedOver = handling.streaming;
      return result;
    } catch (caught) {
      const error = failure(caught);
      const retryable =
        APIError.isInstance(error) ? isRetryableStatus(error.status, error.headers) : ConnectionError.isInstance(error) || (TimeoutError.isInstance(error) && error.timeout === 'request');
      const askedDelay = APIError.isInstance(error) ? retryAfterMs(error.headers) : undefined;
      if (!retryable || attempt > settings.maxRetries || (askedDelay !== undefined && askedDelay > maxRetryAfterMs) || userSignal?.aborted) {
        if (OpenAIMicroError.isInstance(error)) logger?.warn?.(`${method} ${redactURL(url)} failed: ${(error as Error).message}`);
        throw error;
      }
      if (prepared && !prepared.replayable) {
        const message = `${(error as Error).message} (not retried: the upload was a one-shot stream that cannot be sent again; pass a Blob, bytes or a file path to allow retries)`;
        (error as Error).message = message;
        throw error;
      }
      const delayMs = askedDelay ?? backoffMs(attempt);
      logger?.warn?.(`${method} ${redactURL(url)} retrying in ${Math.round(delayMs)} ms (attempt ${attempt + 1} of ${settings.maxRetries + 1}): ${(error as Error).message}`);
      internals.onRetry?.({ attempt: attempt + 1, delayMs, error: error as Error, method, url: redactURL(url) });
      release();
      await sleep(delayMs, userSignal);
    } finally {
      if (!handedOver) release();
    }
  }
}

export type { TransportResponse };
