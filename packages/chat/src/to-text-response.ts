import { responseBody, responseHeaders } from './response-body.js';
import type { ChatCompletionChunk } from './types.js';

/**
 * Options of {@link toTextResponse}: a `ResponseInit` plus a choice and an error hook.
 *
 * @example
 * return toTextResponse(stream, { headers: { 'x-model': 'gpt-4o-mini' }, onError: (error) => console.error(error) });
 */
export interface TextResponseInit extends ResponseInit {
  /** The choice whose text to send, for `n` > 1. Default 0. */
  choice?: number;
  /** Called when the upstream stream fails mid-way (the body then errors, which the browser sees as a cut connection): log it here. */
  onError?(error: unknown): void;
}

/**
 * Turns a chat stream into a web `Response` whose body is the plain text of
 * the deltas as they arrive (`text/plain; charset=utf-8`), for an edge
 * handler that forwards tokens to a browser. When the browser goes away, the
 * body is cancelled and so is the request to OpenAI.
 *
 * @example
 * export default {
 *   async fetch(request: Request) {
 *     const { prompt } = await request.json();
 *     const stream = await createChatCompletionStream(client, { model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }, { signal: request.signal });
 *     return toTextResponse(stream);
 *   },
 * };
 */
export function toTextResponse(stream: AsyncIterable<ChatCompletionChunk>, init: TextResponseInit = {}): Response {
  const { choice = 0, onError, ...responseInit } = init;
  const body = responseBody(stream, {
    encode: (chunk) => chunk.choices?.find((item) => item.index === choice)?.delta?.content ?? undefined,
    failure(error) {
      onError?.(error);
      return undefined;
    },
  });
  return new Response(body, { ...responseInit, headers: responseHeaders({ 'content-type': 'text/plain; charset=utf-8' }, responseInit.headers) });
}
