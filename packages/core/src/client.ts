import { ConfigurationError } from './errors.js';

/** Details passed to the `onRetry` hook before each retry. */
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

/** A console-compatible logger; each method is optional. */
export interface Logger {
  debug?(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
}

/** Query values; `undefined` and `null` are left out, arrays repeat the key. */
export type QueryValues = Record<string, string | number | boolean | null | undefined | readonly (string | number | boolean)[]>;

/** Header values; `null` removes a header set by an earlier layer. */
export type HeaderValues = Record<string, string | null | undefined>;

/** Settings that both the client and a single call can set. */
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

/** Options for {@link createClient}. */
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
  /** The credential and identity headers of one request. */
  authHeaders(): Record<string, string> | Promise<Record<string, string>>;
  /** Header names whose values must never be logged. */
  secretHeaders: readonly string[];
}

const internalsKey = /* @__PURE__ */ Symbol.for('openai-micro.client');

/**
 * A configured client: a frozen plain object that operations take as their first
 * argument. Its string form, `inspect()` and JSON never show the API key.
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
  if (!internals) throw new ConfigurationError('Expected a client made by createClient() or createAzureClient() as the first argument.');
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

const positiveOptions = ['timeout', 'streamIdleTimeout', 'maxResponseBytes', 'maxEventBytes'] as const;
const countOptions = ['maxRetries', 'emptyMessagesLimit'] as const;

/**
 * The name of the first numeric setting that is not usable, or undefined. Timeouts and
 * sizes must be positive (Infinity allowed); counts must be whole numbers >= 0, so a
 * NaN `maxRetries` cannot retry forever and a negative timeout cannot fire at once.
 *
 * @example
 * invalidSetting({ maxRetries: -1 }); // 'maxRetries'
 */
export function invalidSetting(settings: Partial<Record<(typeof positiveOptions)[number] | (typeof countOptions)[number], unknown>>): string | undefined {
  for (const name of positiveOptions) {
    const value = settings[name];
    if (value !== undefined && !(typeof value === 'number' && value > 0)) return name;
  }
  for (const name of countOptions) {
    const value = settings[name];
    if (value !== undefined && !(typeof value === 'number' && Number.isInteger(value) && value >= 0)) return name;
  }
  return undefined;
}

function resolveSettings(options: ClientOptions): ResolvedSettings {
  const invalid = invalidSetting(options);
  if (invalid) {
    throw new ConfigurationError(
      `The "${invalid}" option must be ${countOptions.includes(invalid as 'maxRetries') ? 'a whole number of 0 or more' : 'a number above 0'}, got ${String(options[invalid as keyof ClientOptions])}.`,
    );
  }
  return {
    timeout: options.timeout ?? 600_000,
    streamIdleTimeout: options.streamIdleTimeout ?? 180_000,
    maxRetries: options.maxRetries ?? 2,
    maxResponseBytes: options.maxResponseBytes ?? 256 * 1024 * 1024,
    maxEventBytes: options.maxEventBytes ?? 16 * 1024 * 1024,
    emptyMessagesLimit: options.emptyMessagesLimit ?? 300,
    fetch: options.fetch,
    dispatcher: options.dispatcher,
    onRetry: options.onRetry,
    logger: options.logger,
    headers: { ...options.headers },
    query: { ...options.query },
  };
}

/**
 * Normalises a base URL: absolute http(s) only, no trailing slash. Shared with `createAzureClient`.
 *
 * @example
 * parseBaseURL('http://127.0.0.1:8080/v1/', 'http://127.0.0.1:8080/v1'); // 'http://127.0.0.1:8080/v1'
 */
export function parseBaseURL(value: string, example: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigurationError(`baseURL "${value}" is not an absolute http(s) URL such as ${example}.`);
  }
  if (url.search || url.hash) {
    throw new ConfigurationError(`baseURL "${value}" has a query string or fragment; pass default query parameters in the "query" option instead.`);
  }
  return url.href.replace(/\/+$/, '');
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
  const browser = (globalThis as { window?: { document?: unknown } }).window?.document !== undefined;
  if (browser && parts.hasCredential && !options.dangerouslyAllowBrowser) {
    throw new ConfigurationError(
      'Refusing to use an API key in a browser page, where every visitor can read it. Call the API from a server, or pass dangerouslyAllowBrowser: true if you accept the risk (say, a key the user typed in).',
    );
  }
  const internals: ClientInternals = { ...resolveSettings(options), url: parts.url, authHeaders: parts.authHeaders, secretHeaders: parts.secretHeaders };
  const summary = () => ({ kind: parts.kind, baseURL: parts.baseURL, organization: options.organization, project: options.project });
  const client = {
    kind: parts.kind,
    baseURL: parts.baseURL,
    organization: options.organization,
    project: options.project,
  };
  Object.defineProperties(client, {
    [internalsKey]: { value: internals },
    toString: { value: () => `[openai-micro ${parts.kind} client ${parts.baseURL}]` },
    toJSON: { value: summary },
    [Symbol.for('nodejs.util.inspect.custom')]: { value: summary },
  });
  return Object.freeze(client);
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
    throw new ConfigurationError(
      'No API key: pass createClient({ apiKey }) or set the OPENAI_API_KEY environment variable (use apiKey: "" for a local server that needs none).',
    );
  }
  const baseURL = parseBaseURL(options.baseURL ?? readEnvironment('OPENAI_BASE_URL') ?? 'https://api.openai.com/v1', 'https://api.openai.com/v1');
  const identity: Record<string, string> = {};
  if (apiKey) identity.authorization = `Bearer ${apiKey}`;
  if (options.organization) identity['openai-organization'] = options.organization;
  if (options.project) identity['openai-project'] = options.project;
  return assembleClient(options, {
    kind: 'openai',
    baseURL,
    hasCredential: apiKey !== '',
    url: (path) => new URL(baseURL + path),
    authHeaders: () => identity,
    secretHeaders: ['authorization'],
  });
}
