import { type Client, type EventStream, type RequestOptions, requestStream } from '@openai-micro/core';
import type { CreateChatCompletionRequest, CreateChatCompletionStreamResponse } from './types.js';

/**
 * Parameters of {@link createChatCompletionStream}: the request body; `stream: true` is added.
 *
 * @example
 * const params: CreateChatCompletionStreamParams = { model: 'gpt-4o-mini', messages, stream_options: { include_usage: true } };
 */
export type CreateChatCompletionStreamParams = Omit<CreateChatCompletionRequest, 'stream'> & { stream?: true };

/** A chunk ends its choice when it carries a finish reason; a stream that ends before one (and before `[DONE]`) was cut short. */
function hasFinishReason(chunk: CreateChatCompletionStreamResponse): boolean {
  return chunk.choices?.some((choice) => choice.finish_reason) ?? false;
}

/**
 * Creates a streamed chat completion (go-openai `CreateChatCompletionStream`):
 * resolves once the response headers arrive, to an async-iterable stream of
 * chunks. Leaving the loop early, `stream.cancel()` or aborting `options.signal`
 * cancels the request. go-openai's `CreateChatCompletionStreamReturnHeader` is
 * `getResponseMetadata(stream)`. A stream that ends without `[DONE]` or a
 * finish reason throws a `StreamProtocolError` (`reason: 'truncated'`).
 *
 * @example
 * import { createChatCompletionStream } from '@openai-micro/chat';
 *
 * const stream = await createChatCompletionStream(client, {
 *   model: 'gpt-4o-mini',
 *   messages: [{ role: 'user', content: 'Tell me a story' }],
 *   stream_options: { include_usage: true },
 * });
 * for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta.content ?? '');
 */
export async function createChatCompletionStream(
  client: Client,
  params: CreateChatCompletionStreamParams,
  options?: RequestOptions,
): Promise<EventStream<CreateChatCompletionStreamResponse>> {
  return requestStream<CreateChatCompletionStreamResponse>(
    client,
    { method: 'POST', path: '/chat/completions', body: { ...params, stream: true }, model: params.model },
    options,
    { isFinal: hasFinishReason },
  );
}
