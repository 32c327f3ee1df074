import type { ClientOptions, HeaderValues, QueryValues, RequestOptions } from '@openai-micro/core';

/**
 * Options of {@link OpenAI}: the official SDK's constructor options by their
 * names, plus every `createClient` option of `@openai-micro/core` (`dispatcher`,
 * `logger`, `streamIdleTimeout`, `onRetry`…).
 *
 * @example
 * const options: OpenAIOptions = { apiKey: 'sk-...', defaultHeaders: { 'X-Team': 'search' }, maxRetries: 4 };
 */
export interface OpenAIOptions extends ClientOptions {
  /** Headers for every request (core's `headers`; both may be given, these win). `null` removes one. */
  defaultHeaders?: HeaderValues;
  /** Query parameters for every request (core's `query`; both may be given, these win). */
  defaultQuery?: QueryValues;
}

/**
 * Per-call options, as the official SDK's second argument: `signal`, `timeout`,
 * `maxRetries`, `headers`, `query`, plus core's `fetch`, `streamIdleTimeout`,
 * `schema` and `onUploadProgress`.
 *
 * @example
 * const options: CallOptions = { signal: AbortSignal.timeout(5_000), maxRetries: 0 };
 * await openai.models.list(options);
 */
export type CallOptions = RequestOptions<any>;

/**
 * Maps the official SDK's option names onto core's `createClient` options.
 * `organization` and `project` fall back to `OPENAI_ORG_ID` and
 * `OPENAI_PROJECT_ID`, as the official SDK reads them.
 *
 * @example
 * const client = createClient(toClientOptions({ apiKey: 'sk-...', defaultQuery: { tenant: 'acme' } }));
 */
export function toClientOptions(options: OpenAIOptions = {}): ClientOptions {
  const { defaultHeaders, defaultQuery, headers, query, ...rest } = options;
  const environment = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const organization = rest.organization ?? environment?.OPENAI_ORG_ID;
  const project = rest.project ?? environment?.OPENAI_PROJECT_ID;
  return {
    ...rest,
    ...(organization ? { organization } : {}),
    ...(project ? { project } : {}),
    ...(headers || defaultHeaders ? { headers: { ...headers, ...defaultHeaders } } : {}),
    ...(query || defaultQuery ? { query: { ...query, ...defaultQuery } } : {}),
  };
}
