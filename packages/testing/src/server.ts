import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authorizationFailure } from './auth';
import { azureError, azureRefusal, type AzureSettings, parseAzurePath } from './azure';
import { DEFAULT_ANSWER } from './chat-replies';
import type { OperationSettings } from './defaults/context';
import { createDefaultRoutes, type DefaultRoute } from './defaults/routes';
import { createIdGenerator } from './ids';
import { ReplyError } from './operation-errors';
import { rateLimitHeaders } from './rate-limit';
import { BodyTooLargeError, readRequestBody, recordRequest, splitRequestUrl } from './recorder';
import { emptyReply, errorReply } from './replies';
import { type ConcreteReply, writeReply } from './reply-writer';
import { createRouteScripts, matchRequest, type RouteScript } from './route-scripts';
import { findRoute, parseRoute } from './router';
import { createStore } from './state';
import type { DefaultReply, RateLimitValues, RecordedRequest, ReplyInput, ScriptedReply } from './types';

/**
 * How to start a test server. Every option is optional.
 *
 * @example
 * const server = await startTestServer({ apiKey: 'sk-test', latency: 20, answer: 'Paris.' });
 */
export interface TestServerOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; `127.0.0.1` by default. */
  host?: string;
  /** Refuse requests without credentials (default true). */
  requireAuth?: boolean;
  /** Accept only this exact key (Bearer token, or Azure `api-key`). */
  apiKey?: string;
  /** The text every default answer uses (chat, completions, runs, transcripts), or a function of the request. */
  answer?: string | ((request: RecordedRequest) => string);
  /** Milliseconds to wait before every reply, default or scripted. */
  latency?: number;
  /** Milliseconds between the chunks of default streams (chat, completions, runs, speech). */
  chunkDelay?: number;
  /** The `x-ratelimit-*` headers of every reply; false sends none. By default, realistic values with a falling request count. */
  rateLimit?: RateLimitValues | false;
  /** Azure checks: allowed `api-version` values and deployments. */
  azure?: AzureSettings;
  /** Runs whose tools include a function stop at `requires_action`, calling it, until tool outputs come. */
  runToolCalls?: boolean;
  /** Answer Assistants calls without an `OpenAI-Beta: assistants=...` header with the API's 400. */
  requireAssistantsBetaHeader?: boolean;
  /** Largest request body accepted (default 64 MiB); larger ones get 413. */
  maxBodyBytes?: number;
  /** The clock for `created` fields, in milliseconds (default `Date.now`). */
  now?: () => number;
  /** Called with every request once it is recorded (the CLI logs with it). */
  onRequest?: (request: RecordedRequest) => void;
}

/**
 * A running test server.
 *
 * @example
 * const server = await startTestServer();
 * const client = createClient({ apiKey: 'sk-test', baseURL: server.url });
 * server.on('POST /v1/chat/completions').replyOnce(errorReply(429, { retryAfter: 0 }));
 * // ... call the client, then:
 * expect(server.requestsTo('POST /v1/chat/completions')).toHaveLength(2);
 * await server.close();
 */
export interface TestServer {
  /** The OpenAI base URL, with `/v1`: `http://127.0.0.1:PORT/v1`. */
  readonly url: string;
  /** Scheme, host and port, for Azure clients (they add `/openai/...`). */
  readonly origin: string;
  readonly port: number;
  readonly host: string;
  /** Every request received, oldest first; a live array that `reset()` and `clearRequests()` empty. */
  readonly requests: readonly RecordedRequest[];
  /** The newest request, or the newest matching `route` (such as `'POST /v1/files'`). */
  lastRequest(route?: string): RecordedRequest | undefined;
  /** The requests matching `route`, oldest first. */
  requestsTo(route: string): RecordedRequest[];
  /** The script of a route: `METHOD /path/{param}` (the method may be `*` or left out). */
  on(route: string): RouteScript;
  /** Shorthand for `on(route).reply(reply)`: every matching request gets it. */
  reply(route: string, reply: ReplyInput): RouteScript;
  /** Shorthand for `on(route).replyOnce(reply)`: the next matching request gets it. */
  replyOnce(route: string, reply: ReplyInput): RouteScript;
  /** Forgets scripts, recorded requests and every stored object (files, assistants, runs...). */
  reset(): void;
  /** Forgets recorded requests only. */
  clearRequests(): void;
  /** Stops listening and ends every open connection, streams included. */
  close(): Promise<void>;
}

/**
 * Starts an OpenAI-compatible server on 127.0.0.1 that answers every
 * operation with sensible defaults, records every request, and replies as
 * scripted where a test says so.
 *
 * @example
 * import { startTestServer, errorReply } from '@openai-micro/testing';
 *
 * const server = await startTestServer();
 * const response = await fetch(`${server.url}/models`, { headers: { authorization: 'Bearer sk-test' } });
 * await server.close();
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const host = options.host ?? '127.0.0.1';
  const requests: RecordedRequest[] = [];
  const routes = createDefaultRoutes();
  const scripts = createRouteScripts(() => requests);
  const active = new Set<AbortController>();
  let store = createStore();
  let newId = createIdGenerator();
  let sequence = 0;

  const httpServer = createServer((request, response) => {
    void handle(request, response);
  });
  await listen(httpServer, options.port ?? 0, host);
  const port = (httpServer.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const answer = options.answer;
  const settings: OperationSettings = {
    answer: typeof answer === 'function' ? answer : () => answer ?? DEFAULT_ANSWER,
    chunkDelay: options.chunkDelay ?? 0,
    runToolCalls: options.runToolCalls ?? false,
    requireAssistantsBetaHeader: options.requireAssistantsBetaHeader ?? false,
    now: options.now ?? Date.now,
    origin,
  };

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const controller = new AbortController();
    active.add(controller);
    response.on('close', () => controller.abort());
    try {
      const record = await receive(request);
      if (!record) {
        response.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
        response.end(JSON.stringify(errorReply(413, { message: 'The request body is too large.' }).body));
        return;
      }
      const reply = await chooseReply(record);
      await writeReply(reply, {
        response,
        signal: controller.signal,
        baseHeaders: baseHeaders(record),
        latency: options.latency ?? 0,
      });
    } catch (error) {
      // A throwing reply function is a bug in the test: say so in the answer.
      if (response.headersSent) response.destroy();
      else {
        const message = `The test server failed: ${error instanceof Error ? error.message : String(error)}`;
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify(errorReply(500, { message }).body));
      }
    } finally {
      active.delete(controller);
    }
  }

  async function receive(request: IncomingMessage): Promise<RecordedRequest | undefined> {
    let body: Awaited<ReturnType<typeof readRequestBody>>;
    try {
      body = await readRequestBody(request, options.maxBodyBytes ?? 64 * 1024 * 1024);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return undefined;
      throw error;
    }
    const url = request.url ?? '/';
    const method = (request.method ?? 'GET').toUpperCase();
    const parsed = splitRequestUrl(url);
    const azure = parseAzurePath(parsed.pathname, parsed.searchParams);
    const operationPath = azure?.operationPath ?? parsed.pathname;
    const found = findRoute(routes, method, operationPath);
    const record = recordRequest({
      sequence: ++sequence,
      method,
      url,
      headers: request.headers,
      body,
      receivedAt: settings.now(),
      operationPath,
      route: found?.route.pattern.source,
      params: found?.params ?? {},
      azure: azure?.details,
    });
    requests.push(record);
    options.onRequest?.(record);
    return record;
  }

  async function chooseReply(record: RecordedRequest): Promise<ConcreteReply> {
    if (record.method === 'OPTIONS') return preflightReply(record);
    const found = findRoute(routes, record.method, record.operationPath);
    if (!found?.route.public) {
      const failure = authorizationFailure(record, { requireAuth: options.requireAuth ?? true, apiKey: options.apiKey });
      if (failure) return failure;
      const refusal = record.azure ? azureRefusal(record.azure, options.azure) : undefined;
      if (refusal) return refusal;
    }
    let defaultPromise: Promise<ConcreteReply> | undefined;
    // One default per request, however often scripts ask: defaults change state.
    const defaultFor = () => {
      defaultPromise ??= answerByDefault(record, found);
      return defaultPromise;
    };
    const scripted = await scripts.resolve(record, defaultFor);
    const chosen: ScriptedReply = scripted ?? (await defaultFor());
    return chosen.kind === 'default' ? adjustDefault(await defaultFor(), chosen) : chosen;
  }

  async function answerByDefault(
    record: RecordedRequest,
    found: { route: DefaultRoute; params: Record<string, string> } | undefined,
  ): Promise<ConcreteReply> {
    if (!found) {
      return record.azure
        ? azureError(404, '404', 'Resource not found')
        : errorReply(404, { message: `Invalid URL (${record.method} ${record.path})` });
    }
    try {
      return await found.route.operation({ request: record, params: found.params, store, settings, newId });
    } catch (error) {
      if (error instanceof ReplyError) return error.reply;
      throw error;
    }
  }

  function baseHeaders(record: RecordedRequest): Record<string, string> {
    const requestId = `req_${String(record.sequence).padStart(6, '0')}`;
    const rateLimit =
      options.rateLimit === false
        ? {}
        : rateLimitHeaders(
            options.rateLimit ?? {
              limitRequests: 10_000,
              limitTokens: 2_000_000,
              remainingRequests: Math.max(0, 10_000 - record.sequence),
              remainingTokens: 1_999_984,
              resetRequests: '6ms',
              resetTokens: '0s',
            },
          );
    return {
      'x-request-id': requestId,
      ...(record.azure ? { 'apim-request-id': requestId } : {}),
      'openai-version': '2020-10-01',
      'openai-organization': record.headers['openai-organization'] ?? 'user-openai-micro',
      'openai-processing-ms': '1',
      ...rateLimit,
      // The real API allows browsers; so does this server, for browser tests.
      'access-control-allow-origin': '*',
      'access-control-expose-headers': '*',
    };
  }

  let closing: Promise<void> | undefined;
  const testServer: TestServer = {
    url: `${origin}/v1`,
    origin,
    port,
    host,
    requests,
    lastRequest(route) {
      if (route === undefined) return requests[requests.length - 1];
      return testServer.requestsTo(route).pop();
    },
    requestsTo(route) {
      const pattern = parseRoute(route);
      return requests.filter((request) => matchRequest(pattern, request) !== undefined);
    },
    on: (route) => scripts.on(route),
    reply: (route, reply) => scripts.on(route).reply(reply),
    replyOnce: (route, reply) => scripts.on(route).replyOnce(reply),
    reset() {
      scripts.clear();
      requests.length = 0;
      sequence = 0;
      store = createStore();
      newId = createIdGenerator();
    },
    clearRequests() {
      requests.length = 0;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        for (const controller of active) controller.abort();
        httpServer.closeAllConnections();
      });
      return closing;
    },
  };
  return testServer;
}

function adjustDefault(base: ConcreteReply, adjustment: DefaultReply): ConcreteReply {
  if (base.kind === 'disconnect') return base;
  const { kind: _kind, chunkDelay, headers, rateLimit, ...overrides } = adjustment;
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const adjusted = { ...base, ...given };
  if (headers) adjusted.headers = { ...base.headers, ...headers };
  if (rateLimit) adjusted.rateLimit = { ...base.rateLimit, ...rateLimit };
  if (chunkDelay !== undefined && (adjusted.kind === 'sse' || adjusted.kind === 'binary')) adjusted.chunkDelay = chunkDelay;
  return adjusted;
}

function preflightReply(record: RecordedRequest): ConcreteReply {
  return emptyReply(204, {
    headers: {
      'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
      'access-control-allow-headers': record.headers['access-control-request-headers'] ?? '*',
      'access-control-max-age': '600',
    },
  });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
