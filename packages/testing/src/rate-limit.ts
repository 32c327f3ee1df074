import type { RateLimitValues } from './types';

/**
 * Turns rate-limit values into the `x-ratelimit-*` headers OpenAI sends, for
 * replies built by hand or for comparing with what a client parsed.
 *
 * @example
 * rateLimitHeaders({ limitRequests: 60, remainingRequests: 59, resetRequests: '1s', resetTokens: '6m0s' });
 * // { 'x-ratelimit-limit-requests': '60', 'x-ratelimit-remaining-requests': '59',
 * //   'x-ratelimit-reset-requests': '1s', 'x-ratelimit-reset-tokens': '6m0s' }
 */
export function rateLimitHeaders(values: RateLimitValues): Record<string, string> {
  const headers: Record<string, string> = {};
  const add = (name: string, value: number | string | undefined) => {
    if (value !== undefined) headers[name] = String(value);
  };
  add('x-ratelimit-limit-requests', values.limitRequests);
  add('x-ratelimit-limit-tokens', values.limitTokens);
  add('x-ratelimit-remaining-requests', values.remainingRequests);
  add('x-ratelimit-remaining-tokens', values.remainingTokens);
  add('x-ratelimit-reset-requests', values.resetRequests);
  add('x-ratelimit-reset-tokens', values.resetTokens);
  return headers;
}
