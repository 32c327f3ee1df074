import type { HeaderValues } from './client.js';
import type { TransportBody } from './transport.js';

const preparedBodyKey = /* @__PURE__ */ Symbol.for('openai-micro.prepared-body');

/**
 * What the request pipeline needs of a prepared body beyond opening it. It is
 * built by {@link markPreparedBody}, so programs that never send one never carry it.
 */
export interface PreparedBodyHooks {
  /** Content-Type and, when known, Content-Length. */
  headers: HeaderValues;
  /** For a one-shot body: the error to throw instead of retrying the failed attempt. */
  refuseRetry?(error: Error): Error;
}

/**
 * A request body other than JSON (multipart), ready to be opened once per attempt.
 *
 * @example
 * const body: PreparedBody = createMultipartBody({ purpose: 'batch', file: await toUploadFile('./batch.jsonl') });
 * console.log(body.contentType, body.replayable); // 'multipart/form-data; boundary=…' true
 */
export interface PreparedBody {
  readonly [preparedBodyKey]: PreparedBodyHooks;
  readonly contentType: string;
  readonly contentLength?: number;
  /** False when the body is a one-shot stream: a failed attempt cannot be retried. */
  readonly replayable: boolean;
  /** Produces the bytes for one attempt. */
  open(onProgress?: (progress: { loaded: number; total: number | undefined }) => void): TransportBody;
}

/**
 * Marks an object as a prepared (non-JSON) body for the request pipeline.
 *
 * @example
 * const body = markPreparedBody({ contentType: 'text/plain', replayable: true, open: () => 'hello' });
 */
export function markPreparedBody(body: Omit<PreparedBody, typeof preparedBodyKey>): PreparedBody {
  const hooks: PreparedBodyHooks = { headers: { 'content-type': body.contentType, 'content-length': body.contentLength?.toString() } };
  if (!body.replayable) {
    hooks.refuseRetry = (error) => {
      error.message += ' (not retried: the upload was a one-shot stream that cannot be sent again; pass a Blob, bytes or a file path to allow retries)';
      return error;
    };
  }
  return Object.defineProperty(body, preparedBodyKey, { value: hooks }) as PreparedBody;
}

/**
 * Whether a request body is a prepared body rather than a JSON value.
 *
 * @example
 * if (isPreparedBody(request.body)) headers['content-type'] = request.body.contentType;
 */
export function isPreparedBody(value: unknown): value is PreparedBody {
  return preparedBodyHooks(value) !== undefined;
}

/**
 * The hooks of a prepared body, or undefined for a JSON value.
 *
 * @example
 * const hooks = preparedBodyHooks(request.body);
 */
export function preparedBodyHooks(value: unknown): PreparedBodyHooks | undefined {
  return (value as Partial<PreparedBody> | null | undefined)?.[preparedBodyKey];
}
