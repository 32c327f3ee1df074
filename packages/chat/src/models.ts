/**
 * Chat model ids under go-openai's constant names. Kept in its own file, imported
 * by no operation, so only code that names a model here pays for the table.
 */
import type { OpenValues } from '@openai-micro/core';

/**
 * Chat model ids (go-openai `GPT4o`, `GPT3Dot5Turbo`…). Any other model id is
 * accepted wherever a model is asked for.
 *
 * @example
 * import { ChatModel, createChatCompletion } from '@openai-micro/chat';
 * await createChatCompletion(client, { model: ChatModel.GPT4oMini, messages });
 */
export const ChatModel = {
  GPT4o: 'gpt-4o',
  GPT4o20240513: 'gpt-4o-2024-05-13',
  GPT4o20240806: 'gpt-4o-2024-08-06',
  GPT4oMini: 'gpt-4o-mini',
  GPT4oMini20240718: 'gpt-4o-mini-2024-07-18',
  GPT4Turbo: 'gpt-4-turbo',
  GPT4Turbo20240409: 'gpt-4-turbo-2024-04-09',
  GPT4Turbo0125: 'gpt-4-0125-preview',
  GPT4Turbo1106: 'gpt-4-1106-preview',
  GPT4TurboPreview: 'gpt-4-turbo-preview',
  GPT4VisionPreview: 'gpt-4-vision-preview',
  GPT4: 'gpt-4',
  GPT40613: 'gpt-4-0613',
  GPT40314: 'gpt-4-0314',
  GPT432K: 'gpt-4-32k',
  GPT432K0613: 'gpt-4-32k-0613',
  GPT432K0314: 'gpt-4-32k-0314',
  GPT3Dot5Turbo: 'gpt-3.5-turbo',
  GPT3Dot5Turbo0125: 'gpt-3.5-turbo-0125',
  GPT3Dot5Turbo1106: 'gpt-3.5-turbo-1106',
  GPT3Dot5Turbo0613: 'gpt-3.5-turbo-0613',
  GPT3Dot5Turbo0301: 'gpt-3.5-turbo-0301',
  GPT3Dot5Turbo16K: 'gpt-3.5-turbo-16k',
  GPT3Dot5Turbo16K0613: 'gpt-3.5-turbo-16k-0613',
} as const;

/**
 * A chat model id: one go-openai names, or any other string (models newer
 * than this list, fine-tunes, compatible servers' models).
 *
 * @example
 * const model: ChatModel = process.env.OPENAI_MODEL ?? ChatModel.GPT4oMini;
 */
export type ChatModel = OpenValues<typeof ChatModel>;
