import { type Client, InputRejectedError, type RequestOptions, request } from '@openai-micro/core';
import type { CreateChatCompletionRequest, CreateChatCompletionResponse } from './types.js';

/**
 * Parameters of {@link createChatCompletion}: the request body, without streaming.
 *
 * @example
 * const params: CreateChatCompletionParams = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };
 */
export type CreateChatCompletionParams = Omit<CreateChatCompletionRequest, 'stream'> & {
  /** Streaming has its own function, {@link createChatCompletionStream}. */
  stream?: false | null;
};

/**
 * Creates a chat completion (go-openai `CreateChatCompletion`). The body is sent
 * as given, so `temperature: 0` stays `0` and fields newer than these types
 * pass through. go-openai's `CreateChatCompletionReturnHeader` is
 * `getResponseMetadata(completion)` from core.
 *
 * @throws {InputRejectedError} when given `stream: true`, before anything is sent.
 *
 * @example
 * import { createClient, getResponseMetadata } from '@openai-micro/core';
 * import { createChatCompletion } from '@openai-micro/chat';
 *
 * const client = createClient({ apiKey: process.env.OPENAI_API_KEY });
 * const completion = await createChatCompletion(client, {
 *   model: 'gpt-4o-mini',
 *   messages: [{ role: 'user', content: 'Hello!' }],
 *   temperature: 0,
 * });
 * console.log(completion.choices[0]?.message.content);
 * console.log(getResponseMetadata(completion).rateLimit.remainingTokens);
 */
export async function createChatCompletion(
  client: Client,
  params: CreateChatCompletionParams,
  options?: RequestOptions<CreateChatCompletionResponse>,
): Promise<CreateChatCompletionResponse> {
  if ((params as CreateChatCompletionRequest).stream === true) {
    throw new InputRejectedError('createChatCompletion does not stream: remove `stream: true`, or call createChatCompletionStream.', 'stream');
  }
  return request<CreateChatCompletionResponse>(client, { method: 'POST', path: '/chat/completions', body: params, model: params.model }, options);
}
