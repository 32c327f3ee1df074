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
