/**
 * Response metadata: every result, stream and page carries the status and
 * headers of the response it came from, out of sight (a non-enumerable symbol
 * property, so JSON and deep-equality ignore it), and {@link getResponseMetadata}
 * reads it back — go-openai's `Header()`, `GetRateLimitHeaders()` and the
 * `...ReturnHeader` variants in one accessor.
 */

const metadataKey = /* @__PURE__ */ Symbol.for('openai-micro.response');

/**
 * Parsed `x-ratelimit-*` headers. Reset values are in milliseconds.
 *
 * @example
 * const { remainingTokens, resetTokensMs }: RateLimitInfo = getResponseMetadata(completion).rateLimit;
 */
export interface RateLimitInfo {
  limitRequests: number | undefined;
  limitTokens: number | undefined;
  remainingRequests: number | undefined;
  remainingTokens: number | undefined;
  /** Milliseconds until the request budget resets (from `x-ratelimit-reset-requests`, such as "6m0s"). */
  resetRequestsMs: number | undefined;
  /** Milliseconds until the token budget resets (from `x-ratelimit-reset-tokens`, such as "1.5s"). */
  resetTokensMs: number | undefined;
}

/**
 * What the response behind a result looked like.
 *
 * @example
 * const metadata: ResponseMetadata = getResponseMetadata(completion);
 * console.log(metadata.status, metadata.requestId, metadata.headers.get('openai-processing-ms'));
 */
export interface ResponseMetadata {
  status: number;
  headers: Headers;
  /** The `x-request-id` header. */
  requestId: string | undefined;
  rateLimit: RateLimitInfo;
  /** The transport that carried the request: `undici` (Node's default) or `fetch`. */
  transport: 'undici' | 'fetch' | undefined;
}

/**
 * Attaches response metadata to a result object. Operations call this; users read it
 * with {@link getResponseMetadata}.
 *
 * @example
 * attachResponseMetadata(result, 200, response.headers, 'fetch');
 */
export function attachResponseMetadata<T extends object>(result: T, status: number, headers: Headers, transport?: 'undici' | 'fetch'): T {
  // Non-enumerable (the default) so that JSON and deep equality ignore it.
  return Object.defineProperty(result, metadataKey, { value: { status, headers, transport }, configurable: true });
}

/**
 * The status, headers, request id and parsed rate-limit headers of the response
 * behind any result, stream or page this library returned.
 *
 * @example
 * const completion = await createChatCompletion(client, params);
 * const { requestId, rateLimit } = getResponseMetadata(completion);
 * console.log(requestId, rateLimit.remainingTokens, rateLimit.resetTokensMs);
 */
export function getResponseMetadata(result: object): ResponseMetadata {
  type Stored = { status: number; headers: Headers; transport?: 'undici' | 'fetch' };
  const stored =
    (typeof result === 'object' || typeof result === 'function') && result !== null
      ? (result as Record<symbol, Stored | undefined>)[metadataKey]
      : undefined;
  if (!stored) throw new TypeError('This value did not come from an openai-micro operation, so it has no response metadata.');
  const { status, headers, transport } = stored;
  return { status, headers, requestId: headers.get('x-request-id') ?? undefined, rateLimit: parseRateLimitHeaders(headers), transport };
}

/**
 * Parses OpenAI's `x-ratelimit-*` headers.
 *
 * @example
 * parseRateLimitHeaders(new Headers({ 'x-ratelimit-reset-requests': '6m0s' })).resetRequestsMs; // 360000
 */
export function parseRateLimitHeaders(headers: Headers): RateLimitInfo {
  const count = (name: string) => {
    const value = headers.get(name);
    // Number('') is 0: an empty header must read as absent, not as "0 remaining".
    const parsed = value === null || value.trim() === '' ? Number.NaN : Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  };
  const duration = (name: string) => {
    const value = headers.get(name);
    return value === null ? undefined : parseDuration(value);
  };
  return {
    limitRequests: count('x-ratelimit-limit-requests'),
    limitTokens: count('x-ratelimit-limit-tokens'),
    remainingRequests: count('x-ratelimit-remaining-requests'),
    remainingTokens: count('x-ratelimit-remaining-tokens'),
    resetRequestsMs: duration('x-ratelimit-reset-requests'),
    resetTokensMs: duration('x-ratelimit-reset-tokens'),
  };
}

const unitMilliseconds: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 };

/**
 * Parses a Go-style duration as OpenAI sends it ("6m0s", "1.5s", "20ms", "1h2m3.5s")
 * into milliseconds; a bare number is taken as seconds. Returns undefined when unparseable.
 *
 * @example
 * parseDuration('1m30s'); // 90000
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const pattern = /(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (const match of trimmed.matchAll(pattern)) {
    if (match.index !== consumed) return undefined;
    total += Number(match[1]) * (unitMilliseconds[match[2]!] ?? 0);
    consumed += match[0].length;
  }
  return consumed === trimmed.length && consumed > 0 ? total : undefined;
}
