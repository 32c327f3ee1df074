import { InputRejectedError } from '@openai-micro/core';

/** go-openai's deny-list for chat: models that only answer the legacy completions endpoint. */
const completionOnlyModels: readonly string[] = [
  'code-davinci-002',
  'code-cushman-001',
  'code-davinci-001',
  'text-davinci-003',
  'text-davinci-002',
  'text-davinci-001',
  'text-curie-001',
  'text-babbage-001',
  'text-ada-001',
  'davinci-instruct-beta',
  'davinci',
  'curie-instruct-beta',
  'curie',
  'ada',
  'babbage',
];

/**
 * Opt-in check (go-openai `ErrChatCompletionInvalidModel`): refuses models that
 * only work with legacy completions. The operations never call it, so the list
 * costs nothing unless you do; unknown models pass, since the list cannot know
 * models released after it.
 *
 * @throws {InputRejectedError} with `field: 'model'` for a completion-only model.
 *
 * @example
 * checkChatModel(params.model);
 * const completion = await createChatCompletion(client, params);
 */
export function checkChatModel(model: string): void {
  if (completionOnlyModels.includes(model)) {
    throw new InputRejectedError(
      `The model "${model}" only works with legacy completions: pick a chat model such as gpt-4o-mini, or call createCompletion from @openai-micro/completions.`,
      'model',
    );
  }
}
