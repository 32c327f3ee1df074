import { once } from 'node:events';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Client, createClient } from '@openai-micro/core';
import { type LoopbackHandler, type LoopbackServer, type RecordedRequest, startLoopbackServer } from '@openai-micro/tooling/loopback';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/**
 * A client pointed at a loopback server's `/v1`, with a recognisable key.
 *
 * @example
 * const client = clientFor(server);
 */
export function clientFor(server: { url: string }, options: { maxRetries?: number } = {}): Client {
  return createClient({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, ...options });
}

/** One multipart part as the server received it. */
export interface ReceivedPart {
  name: string;
  /** Text fields: the value; file parts: the file name, content type and bytes. */
  value: string | { filename: string; type: string; bytes: Uint8Array };
}

/**
 * The multipart parts of a recorded request, in the order they were sent,
 * parsed by the platform's own multipart parser (Response.formData).
 *
 * @example
 * const parts = await receivedParts(server.requests[0]!);
 */
export async function receivedParts(request: RecordedRequest): Promise<ReceivedPart[]> {
  const contentType = String(request.headers['content-type']);
  const form = await new Response(new Uint8Array(request.body), { headers: { 'content-type': contentType } }).formData();
  const parts: ReceivedPart[] = [];
  for (const [name, value] of form) {
    parts.push({
      name,
      value: typeof value === 'string' ? value : { filename: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) },
    });
  }
  return parts;
}

/**
 * Runs `work` while sampling the process's resident memory, and resolves how
 * far the peak rose above the level before it, in bytes. V8 frees the buffers
 * of consumed chunks only once about 64 MB of them have piled up, so when the
 * test process runs with --expose-gc (see vitest.config.ts) each sample first
 * runs a quick young-generation collection: what is measured is the memory
 * the code keeps, not garbage V8 has not collected yet.
 *
 * @example
 * const growth = await peakMemoryGrowth(() => createFile(client, { file: path, purpose: 'batch' }));
 */
export async function peakMemoryGrowth(work: () => Promise<unknown>): Promise<number> {
  const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
  const collect = () => gc?.({ type: 'minor' });
  gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sample = () => {
    collect();
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const sampler = setInterval(sample, 10);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  sample();
  return peak - baseline;
}

/**
 * Starts a plain node:http server on 127.0.0.1 for tests that must not record
 * bodies (the loopback server keeps every byte), and resolves its URL and a closer.
 *
 * @example
 * const { url, close } = await listenOnLoopback((incoming, response) => response.end());
 */
export async function listenOnLoopback(handler: RequestListener): Promise<{ url: string; close: () => void }> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/**
 * Starts a loopback server for the file's tests, clears its recorded requests
 * before each test and closes it after the last.
 *
 * @example
 * const context = useLoopbackServer((request, reply) => reply.json(200, {}));
 * it('…', () => expect(context.server.requests).toHaveLength(0));
 */
export function useLoopbackServer(handler: LoopbackHandler): { readonly server: LoopbackServer } {
  const context = {} as { server: LoopbackServer };
  beforeAll(async () => {
    context.server = await startLoopbackServer(handler);
  });
  beforeEach(() => {
    context.server.requests.length = 0;
  });
  afterAll(() => context.server.close());
  return context;
}
