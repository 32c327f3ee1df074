import * as transport from '#transport';
import { type Client, clientInternals, type HeaderValues, overlaySettings, type QueryValues, type TransportSettings } from './client.js';
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
import { type PreparedBody, preparedBodyHooks } from './prepared-body.js';
import { backoffMs, isRetryableStatus, maxRetryAfterMs, retryAfterMs, sleep } from './retry.js';
import type { TransportResponse } from './transport.js';

/**
 * A Standard Schema (valibot, zod, arktype…) used to validate a response when the caller asks.
 *
 * @example
 * import * as v from 'valibot';
 * const schema: StandardSchema<{ id: string }> = v.object({ id: v.string() });
 * const model = await retrieveModel(client, { model: 'gpt-4o' }, { schema });
 */
export interface StandardSchema<Output = unknown> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
    ) => { value: Output; issues?: undefined } | { issues: readonly unknown[] } | Promise<{ value: Output; issues?: undefined } | { issues: readonly unknown[] }>;
  };
}

/**
 * Per-call options: the last argument of every operation.
 *
 * @example
 * const options: RequestOptions = { signal: AbortSignal.timeout(5_000), headers: { 'X-Trace-Id': traceId }, maxRetries: 0 };
 * await createChatCompletion(client, params, options);
 */
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
  /** Overrides the client's `maxResponseBytes` for this call. */
  maxResponseBytes?: number;
  /** Overrides the client's `maxEventBytes` for this call. */
  maxEventBytes?: number;
  /** Overrides the client's `emptyMessagesLimit` for this call. */
  emptyMessagesLimit?: number;
}

/**
 * What an operation asks core to send.
 *
 * @example
 * const operation: OperationRequest = { method: 'POST', path: '/embeddings', body: { ...params }, model: params.model };
 * const result = await request<CreateEmbeddingResponse>(client, operation, options);
 */
export interface OperationRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** The API path after the base URL, with ids already encoded (see `pathFor`). */
  path: string;
  query?: QueryValues;
  /** A JSON value, or a multipart body from `createMultipartBody`. */
  body?: unknown;
  /** The model of the request: picks the Azure deployment. */
  model?: string;
  /** Operation defaults such as `OpenAI-Beta`; the client's and the call's headers override them. */
  headers?: HeaderValues;
}

/**
 * The effective settings of one call: client settings overridden by call options.
 *
 * @example
 * const consume = async ({ response, settings }: Attempt) => readBodyText(response, settings.maxResponseBytes);
 */
export interface CallSettings {
  timeout: number;
  streamIdleTimeout: number;
  maxRetries: number;
  maxResponseBytes: number;
  maxEventBytes: number;
  emptyMessagesLimit: number;
}

/**
 * One attempt whose response headers have arrived with a 2xx status.
 *
 * @example
 * const consume = async (attempt: Attempt) => readBodyText(attempt.response, attempt.settings.maxResponseBytes);
 */
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

/**
 * How an operation consumes a successful response.
 *
 * @example
 * const handling: ResponseHandling<string> = {
 *   accept: 'text/plain',
 *   streaming: false,
 *   consume: (attempt) => readBodyText(attempt.response, attempt.settings.maxResponseBytes),
 * };
 * const text = await executeRequest(client, { method: 'GET', path: '/status' }, undefined, handling);
 */
export interface ResponseHandling<Result> {
  /** The Accept header. */
  accept: string;
  /** Reads the response; for non-streaming handling it runs under the per-attempt timeout and may be retried. */
  consume(attempt: Attempt): Promise<Result>;
  /** True when `consume` hands the body to the caller (streams): the attempt is then never retried or released here. */
  streaming: boolean;
}

let randomPool: Uint8Array | undefined;
let randomOffset = 4096;

// 16 fresh random bytes, from a pool refilled every 256 calls: on Node one
// getRandomValues call costs more than the rest of preparing a request.
function randomBytes(): Uint8Array {
  if (randomOffset === 4096) {
    randomPool = crypto.getRandomValues(randomPool ?? new Uint8Array(4096));
    randomOffset = 0;
  }
  randomOffset += 16;
  return randomPool!.subarray(randomOffset - 16, randomOffset);
}

function redactURL(url: URL): string {
  const copy = new URL(url);
  for (const name of [...copy.searchParams.keys()]) if (/key|token|secret|password|signature|sig$/i.test(name)) copy.searchParams.set(name, '[redacted]');
  copy.username = copy.password = '';
  return copy.href;
}

/**
 * Reads a whole body as text within `limit` bytes. Over the limit the body is
 * cancelled and a ResponseTooLargeError thrown, or, with `truncate`, the text up
 * to the limit is returned (error bodies, only ever shown as excerpts).
 *
 * @example
 * const text = await readBodyText(attempt.response, attempt.settings.maxResponseBytes);
 */
export async function readBodyText(response: TransportResponse, limit: number, truncate?: boolean): Promise<string> {
  // Gathered, then decoded once: Node's TextDecoder is several times faster
  // without `stream`, and JSON.parse gets one flat string instead of a rope.
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await response.read(); chunk; chunk = await response.read()) {
    if (size + chunk.byteLength > limit) {
      response.cancel();
      if (!truncate) throw new ResponseTooLargeError('maxResponseBytes', limit);
      chunks.push(chunk.subarray(0, limit - size));
      size = limit;
      break;
    }
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  const bytes = new Uint8Array(size);
  size = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, size);
    size += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
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
  const settings: CallSettings = overlaySettings(callOptions, internals, (message, name) => new InputRejectedError(message, name), 'call option');
  const { logger, secretHeaders } = internals;
  const userSignal = callOptions.signal;
  let url = internals.url(request.path, request.model);
  for (const values of [internals.query, request.query, callOptions.query]) {
    for (const name in values) {
      const value = values[name];
      if (value === undefined) continue;
      // null removes a parameter an earlier layer (client, operation) set, as with headers.
      url.searchParams.delete(name);
      for (const item of value === null ? [] : Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
    }
  }

  let body = request.body;
  let prepared = preparedBodyHooks(body);
  if (!prepared && body !== undefined) body = JSON.stringify(body);
  const headers: Record<string, string> = {};
  // Later layers win and null removes; credentials go through here too, so a
  // line break in a key, organization or token is refused like any header's.
  for (const values of [
    {
      accept: handling.accept,
      'content-type': body === undefined ? undefined : 'application/json',
      'idempotency-key':
        request.method === 'POST' ? `openai-micro-${Array.from(randomBytes(), (byte) => byte.toString(16).padStart(2, '0')).join('')}` : undefined,
    },
    prepared?.headers,
    await internals.authHeaders(),
    request.headers,
    internals.headers,
    callOptions.headers,
  ] as (HeaderValues | undefined)[]) {
    for (const name in values) {
      const value = values[name];
      if (value === null) delete headers[name.toLowerCase()];
      else if (value !== undefined) {
        if (/[\r\n\0]/.test(name + value)) {
          throw new InputRejectedError(`The header "${name.replace(/[\r\n\0]/g, ' ')}" contains a line break or NUL character; remove it.`, 'headers');
        }
        headers[name.toLowerCase()] = value;
      }
    }
  }
  // The credentials of this call, the whole header before a Bearer token on its own. A
  // server or proxy may echo them in an error body, an error event or a header: they
  // must never reach a message, an inspect() of an error, a log or a stack.
  const secrets = secretHeaders.flatMap((name) => (headers[name] ? [headers[name], headers[name].replace(/^bearer\s+/i, '')] : [])).filter((secret) => secret.length >= 8);
  const redact = (text: string) => secrets.reduce((result, secret) => result.split(secret).join('[redacted]'), text);
  const redactError = (error: OpenAIMicroError) => {
    const fields = error as unknown as Record<string, unknown>;
    for (const name of ['message', 'stack', 'bodyExcerpt']) if (typeof fields[name] === 'string') fields[name] = redact(fields[name]);
    const body = JSON.stringify(fields.body);
    if (body && redact(body) !== body) fields.body = JSON.parse(redact(body));
    if (fields.headers instanceof Headers && [...fields.headers.values()].some((value) => redact(value) !== value)) {
      fields.headers = new Headers([...fields.headers].map(([name, value]): [string, string] => [name, redact(value)]));
    }
    return error;
  };
  const fetchFunction = callOptions.fetch ?? internals.fetch;
  const transportName = fetchFunction ? 'fetch' : transport.name;
  let method: string = request.method;
  let redirects = 0;
  const log = (level: 'info' | 'warn', text: string) => logger?.[level]?.(`${method} ${redactURL(url)} ${text}`);

  for (let attempt = 1; ; attempt++) {
    if (userSignal?.aborted) throw userSignal.reason;
    const controller = new AbortController();
    const onUserAbort = () => controller.abort(userSignal?.reason);
    userSignal?.addEventListener('abort', onUserAbort);
    const timer = setTimeout(() => controller.abort(new TimeoutError('request', settings.timeout)), settings.timeout);
    const stopRequestTimer = () => clearTimeout(timer);
    const release = () => {
      stopRequestTimer();
      userSignal?.removeEventListener('abort', onUserAbort);
    };
    const failure = (error: unknown): unknown =>
      controller.signal.aborted
        ? controller.signal.reason
        : OpenAIMicroError.isInstance(error)
          ? redactError(error)
          : new ConnectionError(`The connection failed: ${(error as Error)?.message ?? String(error)}.`, { cause: error });
    const started = Date.now();
    let handedOver = false;
    try {
      const response = await transport.send({
        url: url.href,
        method,
        headers,
        body: prepared ? (body as PreparedBody).open(callOptions.onUploadProgress) : (body as string | undefined),
        signal: controller.signal,
        fetch: fetchFunction,
        dispatcher: internals.dispatcher,
      });
      const status = response.status;
      log('info', `-> ${status} in ${Date.now() - started} ms${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
      if (status === 0 || (status >= 300 && status < 400)) {
        response.cancel();
        const location = response.headers.get('location');
        const target = location && status ? new URL(location, url) : undefined;
        if (target?.origin !== url.origin) throw new RedirectError(status, target?.origin);
        // Fetch's own limit: a server redirecting in a circle must not spin forever.
        if (++redirects > 20) throw new RedirectError(status, target.href, 'tooManyRedirects');
        // A same-origin redirect carries no credential anywhere new; follow it as HTTP says.
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
          method = 'GET';
          body = prepared = undefined;
          delete headers['content-type'];
          delete headers['content-length'];
        }
        url = target;
        release();
        attempt--;
        continue;
      }
      if (status >= 400) {
        // Redacted before parsing, so the parsed body and the message are clean too.
        throw createAPIError(status, response.headers, redact(await readBodyText(response, 64 * 1024, true)));
      }
      const result = await handling.consume({ response, settings, controller, stopRequestTimer, release, failure, transportName });
      handedOver = handling.streaming;
      return result;
    } catch (caught) {
      const error = failure(caught) as Error;
      const apiError = APIError.isInstance(error);
      // A wait longer than maxRetryAfterMs can only come from the server's Retry-After.
      const wait = (apiError ? retryAfterMs(error.headers) : undefined) ?? backoffMs(attempt);
      if (
        !(apiError ? isRetryableStatus(error.status, error.headers) : ConnectionError.isInstance(error) || (TimeoutError.isInstance(error) && error.timeout === 'request')) ||
        attempt > settings.maxRetries ||
        wait > maxRetryAfterMs ||
        userSignal?.aborted
      ) {
        if (OpenAIMicroError.isInstance(error)) log('warn', `failed: ${error.message}`);
        throw error;
      }
      if (prepared?.refuseRetry) throw prepared.refuseRetry(error);
      log('warn', `retrying in ${Math.round(wait)} ms (attempt ${attempt + 1} of ${settings.maxRetries + 1}): ${error.message}`);
      internals.onRetry?.({ attempt: attempt + 1, delayMs: wait, error, method, url: redactURL(url) });
      release();
      await sleep(wait, userSignal);
    } finally {
      if (!handedOver) release();
    }
  }
}

export type { TransportResponse };
