/**
 * Completion model ids under go-openai's constant names. Kept in its own file,
 * imported by no operation, so only code that names a model here pays for it.
 */
import type { OpenValues } from '@openai-micro/core';

/**
 * Completion model ids (go-openai `GPT3Dot5TurboInstruct`, `GPT3Davinci002`,
 * `CodexCodeDavinci002`…). Most of them are retired by OpenAI and kept for
 * compatible servers and parity; any other model id is accepted too.
 *
 * @example
 * import { CompletionModel, createCompletion } from '@openai-micro/completions';
 * await createCompletion(client, { model: CompletionModel.GPT3Dot5TurboInstruct, prompt: 'Say hi' });
 */
export const CompletionModel = {
  GPT3Dot5TurboInstruct: 'gpt-3.5-turbo-instruct',
  GPT3Davinci002: 'davinci-002',
  GPT3Babbage002: 'babbage-002',
  GPT3Curie002: 'curie-002',
  GPT3Ada002: 'ada-002',
  GPT3TextDavinci003: 'text-davinci-003',
  GPT3TextDavinci002: 'text-davinci-002',
  GPT3TextDavinci001: 'text-davinci-001',
  GPT3TextCurie001: 'text-curie-001',
  GPT3TextBabbage001: 'text-babbage-001',
  GPT3TextAda001: 'text-ada-001',
  GPT3DavinciInstructBeta: 'davinci-instruct-beta',
  GPT3Davinci: 'davinci',
  GPT3CurieInstructBeta: 'curie-instruct-beta',
  GPT3Curie: 'curie',
  GPT3Ada: 'ada',
  GPT3Babbage: 'babbage',
  CodexCodeDavinci002: 'code-davinci-002',
  CodexCodeCushman001: 'code-cushman-001',
  CodexCodeDavinci001: 'code-davinci-001',
} as const;

/**
 * A completion model id: one go-openai names, or any other string (fine-tunes,
 * compatible servers' models).
 *
 * @example
 * const model: CompletionModel = CompletionModel.GPT3Dot5TurboInstruct;
 */
export type CompletionModel = OpenValues<typeof CompletionModel>;
