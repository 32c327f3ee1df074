/**
 * Shared helpers for core's transport tests: both transports, a client aimed
 * at a loopback server, and small async utilities. Test-only; never exported
 * from the package.
 */
import { type LoopbackServer, startLoopbackServer } from '@openai-micro/tooling/loopback';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type Client, type ClientOptions, createClient } from './client.js';

/** The API key used in tests; assertions check it never leaks. */
export const testApiKey = 'sk-test-SECRET-0123456789';

/** Every transport-level test runs on both transports. */
export const transports: [string, Pick<ClientOptions, 'fetch'>][] = [
  ['undici', {}],
  ['fetch', { fetch: globalThis.fetch }],
];

/**
 * Starts one loopback server for a describe block (handler replaced per test),
 * clears its recorded requests before each test, and closes it afterwards.
 */
export function useLoopbackServer(transport: ClientOptions = {}): { server: LoopbackServer; client(options?: ClientOptions): Client } {
  const state = {
    server: undefined as unknown as LoopbackServer,
    client(options: ClientOptions = {}) {
      return createClient({
        apiKey: testApiKey,
        baseURL: `${state.server.url}/v1`,
        maxRetries: 0,
        timeout: 2000,
        streamIdleTimeout: 300,
        ...transport,
        ...options,
      });
    },
  };
  beforeAll(async () => {
    state.server = await startLoopbackServer((_request, reply) => reply.send(500, 'no handler'));
  });
  beforeEach(() => {
    state.server.requests.length = 0;
    state.server.handlerErrors.length = 0;
  });
  afterAll(async () => {
    await state.server?.close();
  });
  return state;
}

/** Resolves the error a promise rejects with; fails if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** Reads an async iterable to its end. */
export async function collect<Item>(iterable: AsyncIterable<Item>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Reads an async iterable until it throws; fails if it ends normally. */
export async function collectUntilError<Item>(iterable: AsyncIterable<Item>): Promise<{ items: Item[]; error: unknown }> {
  const items: Item[] = [];
  const error = await rejectionOf(
    (async () => {
      for await (const item of iterable) items.push(item);
    })(),
  );
  return { items, error };
}

/** A small seeded PRNG (mulberry32) so property-style tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Milliseconds since `start`. */
export const elapsedSince = (start: number) => Date.now() - start;

/** Waits. */
export const delay = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
