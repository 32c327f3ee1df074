import { ConfigurationError } from './errors.js';

/**
 * Details passed to the `onRetry` hook before each retry.
 *
 * @example
 * const onRetry = ({ attempt, delayMs, error }: RetryInfo) => console.warn(`retry ${attempt} in ${delayMs} ms: ${error.message}`);
 * const client = createClient({ onRetry });
 */
export interface RetryInfo {
  /** The attempt that is about to start: 2 for the first retry. */
  attempt: number;
  /** How long the client waits before it. */
  delayMs: number;
  /** Why: the APIError, ConnectionError or TimeoutError of the failed attempt. */
  error: Error;
  method: string;
  url: string;
}

/**
 * A console-compatible logger; each method is optional.
 *
 * @example
 * const logger: Logger = { warn: (message) => myLog.warning(message) };
 * const client = createClient({ logger }); // or { logger: console }
 */
export interface Logger {
  debug?(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
}

/**
 * Query values; `undefined` and `null` are left out, arrays repeat the key.
 *
 * @example
 * const query: QueryValues = { tenant: 'acme', include: ['usage', 'logs'], debug: null };
 */
export type QueryValues = Record<string, string | number | boolean | null | undefined | readonly (string | number | boolean)[]>;

/**
 * Header values; `null` removes a header set by an earlier layer.
 *
 * @example
 * const headers: HeaderValues = { 'X-Trace-Id': traceId, 'OpenAI-Organization': null };
 */
export type HeaderValues = Record<string, string | null | undefined>;

/**
 * Settings that both the client and a single call can set.
 *
 * @example
 * const settings: TransportSettings = { timeout: 30_000, maxRetries: 0 };
 * const client = createClient(settings);
 * await listModels(client, settings);
 */
export interface TransportSettings {
  /** Milliseconds one attempt may take, from sending until the response has been read (streams: until headers). Default 600000. */
  timeout?: number;
  /** Milliseconds a streamed body may go without data before it is ended with a TimeoutError. Default 180000. */
  streamIdleTimeout?: number;
  /** Retries after a retryable failure. Default 2. */
  maxRetries?: number;
  /** A fetch implementation to use instead of the runtime's transport. */
  fetch?: typeof fetch;
}

/**
 * Options for {@link createClient}.
 *
 * @example
 * const options: ClientOptions = { apiKey: process.env.OPENAI_API_KEY, project: 'proj_456', maxRetries: 5 };
 * const client = createClient(options);
 */
export interface ClientOptions extends TransportSettings {
  /** The API key. Defaults to `OPENAI_API_KEY`; an explicit empty string sends no Authorization header. */
  apiKey?: string;
  /** Defaults to `OPENAI_BASE_URL`, else `https://api.openai.com/v1`. */
  baseURL?: string;
  /** Sent as `OpenAI-Organization` (go-openai's NewOrgClient). */
  organization?: string;
  /** Sent as `OpenAI-Project`. */
  project?: string;
  /** Headers sent with every request. */
  headers?: HeaderValues;
  /** Query parameters added to every request. */
  query?: QueryValues;
  /** Called before each retry. */
  onRetry?: (info: RetryInfo) => void;
  /** Largest non-streamed response body read into memory, in bytes. Default 256 MiB. */
  maxResponseBytes?: number;
  /** Largest single stream event, in characters. Default 16 MiB. */
  maxEventBytes?: number;
  /** Non-data lines (blank lines, comments, other fields) tolerated in a row in a stream. Default 300, as go-openai. */
  emptyMessagesLimit?: number;
  /** Node: an undici Dispatcher such as `new ProxyAgent(url)`. */
  dispatcher?: unknown;
  /** Allow an API key in a browser page, where any visitor can read it. Default false. */
  dangerouslyAllowBrowser?: boolean;
  /** Receives one line per request, retry and failure, with credentials redacted. */
  logger?: Logger;
}

/** Client settings after defaults were applied. */
export interface ResolvedSettings {
  timeout: number;
  streamIdleTimeout: number;
  maxRetries: number;
  maxResponseBytes: number;
  maxEventBytes: number;
  emptyMessagesLimit: number;
  fetch: typeof fetch | undefined;
  dispatcher: unknown;
  onRetry: ((info: RetryInfo) => void) | undefined;
  logger: Logger | undefined;
  headers: HeaderValues;
  query: QueryValues;
}

/** What differs between OpenAI and Azure: URLs and credentials. */
export interface ClientInternals extends ResolvedSettings {
  /** The URL for an API path such as `/chat/completions`; `model` picks an Azure deployment. */
  url(path: string, model: string | undefined): URL;
  /** The credential and identity headers of one request; undefined values are left out. */
  authHeaders(): HeaderValues | Promise<HeaderValues>;
  /** Header names whose values must never be logged. */
  secretHeaders: readonly string[];
}

const internalsKey = /* @__PURE__ */ Symbol.for('openai-micro.client');

/**
 * A configured client: a frozen plain object that operations take as their first
 * argument. Its string form, `inspect()` and JSON never show the API key.
 *
 * @example
 * const client: Client = createClient();
 * console.log(client.kind, client.baseURL); // 'openai' 'https://api.openai.com/v1'
 */
export interface Client {
  readonly kind: 'openai' | 'azure';
  readonly baseURL: string;
  readonly organization: string | undefined;
  readonly project: string | undefined;
}

/**
 * The settings behind a client, for operations and the other core modules.
 *
 * @example
 * const { timeout } = clientInternals(client);
 */
export function clientInternals(client: Client): ClientInternals {
  const internals = (client as unknown as Record<symbol, ClientInternals | undefined>)?.[internalsKey];
  if (!internals) throw new ConfigurationError('The first argument must be a client from createClient() or createAzureClient().');
  return internals;
}

function readEnvironment(name: string): string | undefined {
  // Edge runtimes have no process; Deno may throw without --allow-env.
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
  } catch {
    return undefined;
  }
}

/** The numeric settings and their defaults. */
const numericDefaults = {
  timeout: 600_000,
  streamIdleTimeout: 180_000,
  maxRetries: 2,
  maxResponseBytes: 256 * 1024 * 1024,
  maxEventBytes: 16 * 1024 * 1024,
  emptyMessagesLimit: 300,
};

type NumericSettings = { -readonly [Name in keyof typeof numericDefaults]: number };

/**
 * Checks the numeric settings given in `settings` and lays them over `base`.
 * Timeouts and sizes must be positive (Infinity allowed); counts must be whole
 * numbers >= 0, so a NaN `maxRetries` cannot retry forever and a negative
 * timeout cannot fire at once. `refuse` builds the error for an unusable one.
 *
 * @example
 * const settings = overlaySettings({ timeout: 5000 }, clientInternals(client), (message, name) => new InputRejectedError(message, name), 'call option');
 */
export function overlaySettings<Base extends NumericSettings>(
  settings: Partial<Record<keyof NumericSettings, unknown>>,
  base: Base,
  refuse: (message: string, name: string) => Error,
  kind = 'option',
): Base {
  const result = { ...base };
  let name: keyof NumericSettings;
  for (name in numericDefaults) {
    const value = settings[name];
    if (value === undefined) continue;
    const count = name === 'maxRetries' || name === 'emptyMessagesLimit';
    if (!(typeof value === 'number' && (count ? Number.isInteger(value) && value >= 0 : value > 0))) {
      throw refuse(`The "${name}" ${kind} must be ${count ? 'a whole number >= 0' : 'a number > 0'}, not ${String(value)}.`, name);
    }
    // Timers longer than 2^31-1 ms fire at once in every runtime; clamping makes Infinity mean "no limit".
    result[name] = Math.min(value, 2 ** 31 - 1);
  }
  return result;
}

/**
 * Normalises a base URL: absolute http(s) only, no query or fragment, no trailing slash. Shared with `createAzureClient`.
 *
 * @example
 * parseBaseURL('http://127.0.0.1:8080/v1/', 'http://127.0.0.1:8080/v1'); // 'http://127.0.0.1:8080/v1'
 */
export function parseBaseURL(value: string, example: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {}
  if (!/^https?:$/.test(url?.protocol as string) || url?.search || url?.hash) {
    throw new ConfigurationError(`baseURL "${value}" must be an absolute http(s) URL without query or fragment, such as ${example}.`);
  }
  return url!.href.replace(/\/+$/, '');
}

/**
 * Assembles a frozen client from settings and the OpenAI- or Azure-specific
 * parts. Shared by {@link createClient} and `createAzureClient`.
 *
 * @example
 * const client = assembleClient(options, { kind: 'openai', baseURL, url, authHeaders, secretHeaders: ['authorization'] });
 */
export function assembleClient(
  options: ClientOptions,
  parts: Pick<ClientInternals, 'url' | 'authHeaders' | 'secretHeaders'> & { kind: Client['kind']; baseURL: string; hasCredential: boolean },
): Client {
  if ((globalThis as { window?: { document?: unknown } }).window?.document !== undefined && parts.hasCredential && !options.dangerouslyAllowBrowser) {
    throw new ConfigurationError(
      'Every visitor of a browser page can read its API key: call the API from a server, or pass dangerouslyAllowBrowser: true.',
    );
  }
  const { kind, baseURL } = parts;
  const internals: ClientInternals = {
    ...overlaySettings(options, numericDefaults, (message) => new ConfigurationError(message)),
    fetch: options.fetch,
    dispatcher: options.dispatcher,
    onRetry: options.onRetry,
    logger: options.logger,
    headers: { ...options.headers },
    query: { ...options.query },
    ...parts,
  };
  const summary = { kind, baseURL, organization: options.organization, project: options.project };
  const show = () => ({ ...summary });
  return Object.freeze(
    Object.defineProperties(show(), {
      [internalsKey]: { value: internals },
      toString: { value: () => `[openai-micro ${kind} client ${baseURL}]` },
      toJSON: { value: show },
      [Symbol.for('nodejs.util.inspect.custom')]: { value: show },
    }),
  );
}

/**
 * Creates a client for the OpenAI API or any OpenAI-compatible server.
 *
 * @example
 * import { createClient } from '@openai-micro/core';
 * const client = createClient({ apiKey: process.env.OPENAI_API_KEY, organization: 'org-123' });
 * const local = createClient({ apiKey: '', baseURL: 'http://127.0.0.1:8080/v1' });
 */
export function createClient(options: ClientOptions = {}): Client {
  const apiKey = options.apiKey ?? readEnvironment('OPENAI_API_KEY');
  if (apiKey === undefined) {
    throw new ConfigurationError('No API key: pass createClient({ apiKey }) or set OPENAI_API_KEY (apiKey: "" sends none).');
  }
  const baseURL = parseBaseURL(options.baseURL ?? readEnvironment('OPENAI_BASE_URL') ?? 'https://api.openai.com/v1', 'https://api.openai.com/v1');
  // Undefined headers are left out, so an empty key, organization or project sends none.
  const identity = { authorization: apiKey ? `Bearer ${apiKey}` : undefined, 'openai-organization': options.organization || undefined, 'openai-project': options.project || undefined };
  return assembleClient(options, {
    kind: 'openai',
    baseURL,
    hasCredential: apiKey !== '',
    url: (path) => new URL(baseURL + path),
    authHeaders: () => identity,
    secretHeaders: ['authorization'],
  });
}
