/**
 * What the resource packages' tests share to call a loopback server as a
 * client would: client options aimed at it, a fresh server per test, the
 * JSON a request carried, SSE framing of chunks, and capturing what a call
 * throws or yields.
 *
 * It imports nothing from `@openai-micro/core`, so that tooling stays free of
 * workspace dependencies (core's own tests use tooling): a test passes
 * {@link testClientOptions} to core's `createClient`.
 */
import { afterEach, beforeEach } from 'vitest';
import { type LoopbackHandler, type LoopbackServer, type RecordedRequest, startLoopbackServer } from './loopback-server.js';

/** The API key of {@link testClientOptions}, which tests expect in `Authorization: Bearer …`. */
export const testApiKey = 'sk-test';

/**
 * Client options aimed at a loopback server's `/v1`, with {@link testApiKey}
 * and no retries, so that every call makes exactly one request. `overrides`
 * win over the defaults.
 *
 * @example
 * import { createClient } from '@openai-micro/core';
 * const client = createClient(testClientOptions(server));
 * expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${testApiKey}`);
 */
export function testClientOptions<Overrides extends object = object>(
  server: { url: string },
  overrides?: Overrides,
): { apiKey: string; baseURL: string; maxRetries: number } & Overrides {
  return { apiKey: testApiKey, baseURL: `${server.url}/v1`, maxRetries: 0, ...(overrides as Overrides) };
}

/**
 * Gives each test of a file (or of the `describe` it is called in) a fresh
 * loopback server answering with `handler`, closed after the test: no
 * recorded request, replaced `server.handler` or idle keep-alive socket
 * carries over from one test to the next, so `waitForConnections(0)` speaks of
 * the current test alone.
 *
 * @example
 * const loopback = useLoopbackServer((request, reply) => reply.json(200, { ok: true }));
 * it('posts', async () => {
 *   await createThing(createClient(testClientOptions(loopback.server)), params);
 *   expect(loopback.server.requests).toHaveLength(1);
 * });
 */
export function useLoopbackServer(handler: LoopbackHandler): { readonly server: LoopbackServer } {
  let server: LoopbackServer | undefined;
  beforeEach(async () => {
    server = await startLoopbackServer(handler);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return {
    get server(): LoopbackServer {
      if (!server) throw new Error('useLoopbackServer: the server runs during each test; read loopback.server inside a test or a beforeEach hook.');
      return server;
    },
  };
}

/**
 * {@link useLoopbackServer} plus clients aimed at it: `client(overrides)` hands
 * {@link testClientOptions} of the server, with `overrides`, to `createClient`
 * (core's, passed in so that tooling imports nothing from core).
 *
 * @example
 * import { createClient } from '@openai-micro/core';
 * const loopback = useLoopbackClient((request, reply) => reply.json(200, { id: 'file-abc' }), createClient);
 * it('retries', async () => {
 *   await retrieveFile(loopback.client({ maxRetries: 2 }), { file_id: 'file-abc' });
 *   expect(loopback.server.requests).toHaveLength(1);
 * });
 */
export function useLoopbackClient<Options extends object, Client>(
  handler: LoopbackHandler,
  createClient: (options: Options) => Client,
): { readonly server: LoopbackServer; client(overrides?: Partial<Options>): Client } {
  const loopback = useLoopbackServer(handler);
  return {
    get server(): LoopbackServer {
      return loopback.server;
    },
    client: (overrides) => createClient(testClientOptions(loopback.server, overrides) as unknown as Options),
  };
}

/**
 * The JSON body a recorded request carried.
 *
 * @example
 * expect(jsonBody(server.requests[0]!)).toEqual({ model: 'gpt-4o-mini', messages });
 */
export function jsonBody(request: RecordedRequest): unknown {
  return JSON.parse(request.body.toString('utf8'));
}

/**
 * The server-sent events of chunks as an OpenAI stream frames them: one
 * `data:` event each, then `data: [DONE]` unless `done: false`.
 *
 * @example
 * server.handler = (_request, reply) => reply.sse(sseEvents([chunk, lastChunk]));
 */
export function sseEvents(chunks: readonly unknown[], options: { done?: boolean } = {}): string[] {
  const events = chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`);
  if (options.done ?? true) events.push('data: [DONE]\n\n');
  return events;
}

/**
 * Reads every item of an async iterable (a stream, a page) into an array.
 *
 * @example
 * expect(await collect(stream)).toEqual(chunks);
 */
export async function collect<Item>(source: AsyncIterable<Item>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const item of source) items.push(item);
  return items;
}

/**
 * What `run` throws synchronously, or `undefined` when it returns: for
 * checks that are plain functions (`checkChatModel`, `dotProduct`).
 *
 * @example
 * const error = thrownBy(() => checkChatModel('text-davinci-003'));
 * expect(InputRejectedError.isInstance(error)).toBe(true);
 */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
