/**
 * Request and response types of the legacy completions API, named after the
 * schemas of the OpenAI spec (2024-03), and of the retired edits API (not in
 * the spec; shaped after go-openai's EditsRequest and EditsResponse).
 */
import type { CompletionUsage, OpenString } from '@openai-micro/core';
import type { CompletionModel } from './models.js';

export type { CompletionUsage };

/**
 * What to complete: a string, several strings, an array of token ids, or
 * several arrays of token ids (one completion set per prompt).
 *
 * @example
 * const prompts: CompletionPrompt[] = ['Hello', ['Hello', 'Bonjour'], [15496, 11], [[15496], [33, 261]]];
 */
export type CompletionPrompt = string | string[] | number[] | number[][];

/**
 * Options of a streamed response.
 *
 * @example
 * const stream_options: CompletionStreamOptions = { include_usage: true };
 */
export interface CompletionStreamOptions {
  /** Send one more chunk before `[DONE]` whose `usage` counts the tokens of the whole request. */
  include_usage?: boolean;
}

/**
 * The body of `POST /completions` (go-openai's CompletionRequest).
 *
 * @example
 * const params: CreateCompletionRequest = { model: 'gpt-3.5-turbo-instruct', prompt: 'Say this is a test', max_tokens: 7, temperature: 0 };
 */
export interface CreateCompletionRequest {
  /** Model id, such as `gpt-3.5-turbo-instruct`; for Azure it also picks the deployment. */
  model: CompletionModel;
  prompt: CompletionPrompt;
  /** Generate this many server-side and return the best `n`; cannot be streamed. */
  best_of?: number | null;
  /** Return the prompt before the completion. */
  echo?: boolean | null;
  /** -2 to 2: penalizes tokens by how often they already appeared. */
  frequency_penalty?: number | null;
  /** Token id (as a string key) to bias from -100 to 100. */
  logit_bias?: Record<string, number> | null;
  /** 0 to 5: include the log probabilities of this many most likely tokens at each position. */
  logprobs?: number | null;
  max_tokens?: number | null;
  /** How many completions to generate per prompt. */
  n?: number | null;
  /** -2 to 2: penalizes tokens that already appeared at all. */
  presence_penalty?: number | null;
  /** Best-effort determinism; compare `system_fingerprint` across responses. */
  seed?: number | null;
  /** Up to 4 sequences where generation stops. */
  stop?: string | string[] | null;
  /** Set by {@link createCompletionStream}; `createCompletion` refuses `true`. */
  stream?: boolean | null;
  /** Options for streamed responses (newer API). */
  stream_options?: CompletionStreamOptions | null;
  /** Text that comes after the inserted completion (`gpt-3.5-turbo-instruct` only). */
  suffix?: string | null;
  /** 0 to 2; `0` is sent as `0` (go-openai dropped it). */
  temperature?: number | null;
  /** Nucleus sampling, 0 to 1. */
  top_p?: number | null;
  /** A stable id of the end user, for abuse monitoring. */
  user?: string;
}

/**
 * Why a completion stopped.
 *
 * @example
 * const cutShort = (reason: CompletionFinishReason | null) => reason === 'length';
 */
export type CompletionFinishReason = OpenString<'stop' | 'length' | 'content_filter'>;

/**
 * Log probabilities of a completion's tokens, when `logprobs` was sent (go-openai's LogprobResult).
 *
 * @example
 * const logprobs: CompletionLogprobs | null | undefined = completion.choices[0]?.logprobs;
 * console.log(logprobs?.tokens, logprobs?.token_logprobs);
 */
export interface CompletionLogprobs {
  tokens?: string[];
  /** Null for the first token of an echoed prompt, which has no probability. */
  token_logprobs?: (number | null)[];
  top_logprobs?: (Record<string, number> | null)[];
  text_offset?: number[];
}

/**
 * One completion (go-openai's CompletionChoice).
 *
 * @example
 * for (const choice of completion.choices as CompletionChoice[]) console.log(choice.index, choice.text);
 */
export interface CompletionChoice {
  text: string;
  index: number;
  logprobs: CompletionLogprobs | null;
  /** Null in stream chunks before the last one of the choice. */
  finish_reason: CompletionFinishReason | null;
}

/**
 * The answer of `POST /completions`, and each chunk of its stream (go-openai's CompletionResponse).
 *
 * @example
 * const completion: CreateCompletionResponse = await createCompletion(client, params);
 * console.log(completion.choices[0]?.text, completion.usage?.total_tokens);
 */
export interface CreateCompletionResponse {
  id: string;
  object: OpenString<'text_completion'>;
  /** Unix time in seconds. */
  created: number;
  model: string;
  choices: CompletionChoice[];
  system_fingerprint?: string | null;
  usage?: CompletionUsage | null;
}

/**
 * A streamed chunk: the same shape as the whole response (unlike chat).
 *
 * @example
 * for await (const chunk of stream) {
 *   const typed: CompletionChunk = chunk;
 *   process.stdout.write(typed.choices[0]?.text ?? '');
 * }
 */
export type CompletionChunk = CreateCompletionResponse;

/**
 * The body of `POST /edits` (go-openai's EditsRequest).
 *
 * @deprecated OpenAI retired the edits API; use chat completions.
 *
 * @example
 * const params: CreateEditRequest = { model: 'text-davinci-edit-001', input: 'Helo', instruction: 'Fix the spelling' };
 */
export interface CreateEditRequest {
  model: OpenString<'text-davinci-edit-001' | 'code-davinci-edit-001'>;
  /** The text to edit. */
  input?: string;
  /** How to edit it. */
  instruction: string;
  n?: number | null;
  temperature?: number | null;
  top_p?: number | null;
}

/**
 * One edit (go-openai's EditsChoice).
 *
 * @deprecated OpenAI retired the edits API.
 *
 * @example
 * const text = (edit.choices[0] as EditChoice | undefined)?.text;
 */
export interface EditChoice {
  text: string;
  index: number;
  finish_reason?: string | null;
}

/**
 * The answer of `POST /edits` (go-openai's EditsResponse).
 *
 * @deprecated OpenAI retired the edits API.
 *
 * @example
 * const edit: CreateEditResponse = await createEdit(client, params);
 */
export interface CreateEditResponse {
  object: OpenString<'edit'>;
  created: number;
  choices: EditChoice[];
  usage: CompletionUsage;
}
