import type { TransportBody } from './transport.js';

const preparedBodyKey = /* @__PURE__ */ Symbol.for('openai-micro.prepared-body');

/** A request body other than JSON (multipart), ready to be opened once per attempt. */
export interface PreparedBody {
  readonly [preparedBodyKey]: true;
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
  return Object.defineProperty(body, preparedBodyKey, { value: true }) as PreparedBody;
}

/**
 * Whether a request body is a prepared body rather than a JSON value.
 *
 * @example
 * if (isPreparedBody(request.body)) headers['content-type'] = request.body.contentType;
 */
export function isPreparedBody(value: unknown): value is PreparedBody {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[preparedBodyKey] === true;
}
