/** The longest wait a Retry-After header may ask for before the client gives up instead. */
export const maxRetryAfterMs = 60_000;
const initialBackoffMs = 500;
const maxBackoffMs = 8_000;

/**
 * Whether a failed response may be retried: 408, 409, 429 and 5xx, unless the
 * server says otherwise in `x-should-retry`.
 *
 * @example
 * isRetryableStatus(429, new Headers()); // true
 */
export function isRetryableStatus(status: number, headers: Headers): boolean {
  const verdict = headers.get('x-should-retry');
  return verdict === 'true' || (verdict !== 'false' && (status === 408 || status === 409 || status === 429 || status >= 500));
}

/**
 * How long the server asked the client to wait, from `retry-after-ms` or
 * `Retry-After` (seconds or an HTTP date), in milliseconds; undefined when it
 * did not say or said something unreadable.
 *
 * @example
 * retryAfterMs(new Headers({ 'retry-after': '2' })); // 2000
 */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const milliseconds = headers?.get('retry-after-ms')?.trim();
  const value = headers?.get('retry-after')?.trim();
  // Number('') is 0, so blank headers count as absent.
  const delay = milliseconds && Number.isFinite(+milliseconds) ? +milliseconds : !value ? Number.NaN : Number.isFinite(+value) ? +value * 1000 : Date.parse(value) - now;
  return Number.isNaN(delay) ? undefined : Math.max(0, delay);
}

/**
 * Exponential backoff with jitter for the given retry (1 for the first), capped.
 *
 * @example
 * backoffMs(1); // between 375 and 500
 */
export function backoffMs(retry: number): number {
  const base = Math.min(initialBackoffMs * 2 ** (retry - 1), maxBackoffMs);
  return base * (1 - Math.random() * 0.25);
}

/**
 * Resolves after `milliseconds`, or rejects with the signal's reason as soon as it aborts.
 *
 * @example
 * await sleep(1000, controller.signal);
 */
export function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
