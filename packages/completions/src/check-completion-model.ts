import { InputRejectedError } from '@openai-micro/core';

/** go-openai's deny-list for legacy completions: chat models, which only answer /chat/completions. */
const chatOnlyModels: readonly string[] = [
  'gpt-3.5-turbo',
  'gpt-3.5-turbo-0301',
  'gpt-3.5-turbo-0613',
  'gpt-3.5-turbo-1106',
  'gpt-3.5-turbo-0125',
  'gpt-3.5-turbo-16k',
  'gpt-3.5-turbo-16k-0613',
  'gpt-4',
  'gpt-4-turbo-preview',
  'gpt-4-vision-preview',
  'gpt-4-1106-preview',
  'gpt-4-0125-preview',
  'gpt-4-0314',
  'gpt-4-0613',
  'gpt-4-32k',
  'gpt-4-32k-0314',
  'gpt-4-32k-0613',
];

/**
 * Opt-in check (go-openai `ErrCompletionUnsupportedModel`): refuses chat models,
 * which the legacy completions endpoint does not serve. The operations never
 * call it, so the list costs nothing unless you do; unknown models pass.
 *
 * @throws {InputRejectedError} with `field: 'model'` for a chat-only model.
 *
 * @example
 * checkCompletionModel(params.model);
 * const completion = await createCompletion(client, params);
 */
export function checkCompletionModel(model: string): void {
  if (chatOnlyModels.includes(model)) {
    throw new InputRejectedError(
      `The model "${model}" is a chat model: call createChatCompletion from @openai-micro/chat, or pick a completion model such as gpt-3.5-turbo-instruct.`,
      'model',
    );
  }
}
