import { type Client, type EventStream, type RequestOptions, requestStream } from '@openai-micro/core';
import { checkPrompt } from './check-prompt.js';
import type { CompletionChunk, CreateCompletionRequest } from './types.js';

/**
 * Parameters of {@link createCompletionStream}: the request body; `stream: true` is added.
 *
 * @example
 * const params: CreateCompletionStreamParams = { model: 'gpt-3.5-turbo-instruct', prompt: 'Once', stream_options: { include_usage: true } };
 */
export type CreateCompletionStreamParams = Omit<CreateCompletionRequest, 'stream'> & { stream?: true };

/** A chunk ends its choice when it carries a finish reason; a stream that ends before one (and before `[DONE]`) was cut short. */
function hasFinishReason(chunk: CompletionChunk): boolean {
  return chunk.choices?.some((choice) => choice.finish_reason) ?? false;
}

/**
 * Creates a streamed legacy completion (go-openai `CreateCompletionStream`):
 * resolves once the response headers arrive, to an async-iterable stream of
 * chunks shaped like the whole response. Leaving the loop early,
 * `stream.cancel()` or aborting `options.signal` cancels the request.
 *
 * @throws {InputRejectedError} before anything is sent, for a prompt of another type.
 *
 * @example
 * import { createCompletionStream } from '@openai-micro/completions';
 *
 * const stream = await createCompletionStream(client, { model: 'gpt-3.5-turbo-instruct', prompt: 'Once upon a time', max_tokens: 50 });
 * for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.text ?? '');
 */
export async function createCompletionStream(
  client: Client,
  params: CreateCompletionStreamParams,
  options?: RequestOptions,
): Promise<EventStream<CompletionChunk>> {
  checkPrompt(params.prompt);
  return requestStream<CompletionChunk>(
    client,
    { method: 'POST', path: '/completions', body: { ...params, stream: true }, model: params.model },
    options,
    { isFinal: hasFinishReason },
  );
}
