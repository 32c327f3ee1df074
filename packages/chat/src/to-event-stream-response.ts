import { responseBody, responseHeaders } from './response-body.js';
import type { ChatCompletionChunk } from './types.js';

/**
 * Options of {@link toEventStreamResponse}: a `ResponseInit` plus an error hook.
 *
 * @example
 * return toEventStreamResponse(stream, { onError: () => 'The assistant is busy; try again.' });
 */
export interface EventStreamResponseInit extends ResponseInit {
  /**
   * Called when the upstream stream fails mid-way; a string it returns is the
   * message of the error event sent to the browser. The default message is
   * generic, so upstream details (organization ids in rate-limit messages)
   * stay on the server.
   */
  onError?(error: unknown): unknown;
}

/**
 * Turns a chat stream into a web `Response` of server-sent events in OpenAI's
 * own format: each chunk re-emitted as a `data:` line, then `data: [DONE]`,
 * so a browser can read it with any OpenAI stream parser (this library's
 * included). An upstream failure ends the body with an error event,
 * `data: {"error":{...}}`, rather than a cut connection. When the browser goes
 * away, the body is cancelled and so is the request to OpenAI.
 *
 * @example
 * export async function POST(request: Request) {
 *   const { messages } = await request.json();
 *   const stream = await createChatCompletionStream(client, { model: 'gpt-4o-mini', messages }, { signal: request.signal });
 *   return toEventStreamResponse(stream, { onError: (error) => console.error(error) });
 * }
 */
export function toEventStreamResponse(stream: AsyncIterable<ChatCompletionChunk>, init: EventStreamResponseInit = {}): Response {
  const { onError, ...responseInit } = init;
  const body = responseBody(stream, {
    encode: (chunk) => `data: ${JSON.stringify(chunk)}\n\n`,
    end: () => 'data: [DONE]\n\n',
    failure(error) {
      const chosen = onError?.(error);
      const message = typeof chosen === 'string' && chosen ? chosen : 'The upstream stream failed.';
      return `data: ${JSON.stringify({ error: { message, type: 'server_error', code: null } })}\n\n`;
    },
  });
  const headers = responseHeaders({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' }, responseInit.headers);
  return new Response(body, { ...responseInit, headers });
}
