/**
 * Helpers of this package's tests (not exported by the package): a client for
 * a loopback server and chat chunk builders. What every resource package's
 * tests need (SSE framing, request bodies, one server per file) is in
 * `@openai-micro/tooling/test-client`.
 */
import { type Client, createClient } from '@openai-micro/core';
import type { LoopbackServer } from '@openai-micro/tooling/loopback';
import { testClientOptions } from '@openai-micro/tooling/test-client';
import type { ChatCompletionChunk, ChatCompletionStreamChoice } from './types.js';

/**
 * A client aimed at a loopback server, without retries so that every test sees exactly one request.
 *
 * @example
 * const client = testClient(server);
 */
export function testClient(server: LoopbackServer): Client {
  return createClient(testClientOptions(server));
}

/**
 * A chat chunk with the usual head and the given choices.
 *
 * @example
 * const chunk = chatChunk([{ index: 0, delta: { content: 'Hi' }, finish_reason: null }]);
 */
export function chatChunk(choices: ChatCompletionStreamChoice[], extra: Partial<ChatCompletionChunk> = {}): ChatCompletionChunk {
  return { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'gpt-4o-mini', choices, ...extra };
}

/**
 * A chunk with one text delta for choice 0.
 *
 * @example
 * const chunks = [textChunk('Hel'), textChunk('lo', 'stop')];
 */
export function textChunk(content: string, finishReason: string | null = null): ChatCompletionChunk {
  return chatChunk([{ index: 0, delta: { content }, finish_reason: finishReason }]);
}

/**
 * Makes the server send one chunk and then hold the stream open, as a model
 * that is still thinking. The returned function resolves once the client has
 * hung up and no connection is left, proving the request was cancelled.
 *
 * @example
 * const clientHungUp = serveOneChunkThenStall(server, textChunk('first'));
 * // … read one chunk, cancel …
 * await clientHungUp();
 */
export function serveOneChunkThenStall(server: LoopbackServer, chunk: ChatCompletionChunk): () => Promise<void> {
  let disconnected: Promise<void> | undefined;
  server.handler = async (_request, reply) => {
    disconnected = reply.disconnected;
    await reply.head(200, { 'content-type': 'text/event-stream' });
    await reply.write(`data: ${JSON.stringify(chunk)}\n\n`);
    await reply.stall();
  };
  return async () => {
    await disconnected;
    await server.waitForConnections(0);
  };
}
