import { type Client, InputRejectedError, type RequestOptions, request } from '@openai-micro/core';
import { checkPrompt } from './check-prompt.js';
import type { CreateCompletionRequest, CreateCompletionResponse } from './types.js';

/**
 * Parameters of {@link createCompletion}: the request body, without streaming.
 *
 * @example
 * const params: CreateCompletionParams = { model: 'gpt-3.5-turbo-instruct', prompt: 'Hi' };
 */
export type CreateCompletionParams = Omit<CreateCompletionRequest, 'stream'> & {
  /** Streaming has its own function, {@link createCompletionStream}. */
  stream?: false | null;
};

/**
 * Creates a legacy completion (go-openai `CreateCompletion`). The body is sent
 * as given, so `temperature: 0` stays `0` and newer fields pass through; the
 * response metadata is `getResponseMetadata(completion)` from core.
 *
 * @throws {InputRejectedError} before anything is sent, when given `stream: true`
 * (go-openai `ErrCompletionStreamNotSupported`) or a prompt that is not a string,
 * string array, token array or array of token arrays
 * (`ErrCompletionRequestPromptTypeNotSupported`).
 *
 * @example
 * import { createClient } from '@openai-micro/core';
 * import { createCompletion } from '@openai-micro/completions';
 *
 * const client = createClient({ apiKey: process.env.OPENAI_API_KEY });
 * const completion = await createCompletion(client, { model: 'gpt-3.5-turbo-instruct', prompt: 'Say this is a test', max_tokens: 7, temperature: 0 });
 * console.log(completion.choices[0]?.text);
 */
export async function createCompletion(
  client: Client,
  params: CreateCompletionParams,
  options?: RequestOptions<CreateCompletionResponse>,
): Promise<CreateCompletionResponse> {
  if ((params as CreateCompletionRequest).stream === true) {
    throw new InputRejectedError('createCompletion does not stream: remove `stream: true`, or call createCompletionStream for a stream of chunks.', 'stream');
  }
  checkPrompt(params.prompt);
  return request<CreateCompletionResponse>(client, { method: 'POST', path: '/completions', body: params, model: params.model }, options);
}
