import { invalidRequest } from '../operation-errors';
import { jsonReply, sseReply } from '../replies';
import type { JsonObject } from '../state';
import { countTokens, splitIntoTokens } from '../tokens';
import type { SseEvent } from '../types';
import { modelOf, truncate } from './chat';
import { boundedNumber, jsonBody, type Operation, requireString, unixSeconds } from './context';

/**
 * `POST /v1/completions` (legacy): one choice per prompt and `n`, `echo`
 * prepends the prompt; `stream: true` sends `text_completion` chunks and `[DONE]`.
 *
 * @example
 * routes.push({ route: 'POST /v1/completions', operation: createCompletion });
 */
export const createCompletion: Operation = (context) => {
  const body = jsonBody(context);
  const model = modelOf(body, context);
  const prompts = promptTexts(body.prompt);
  const choicesPerPrompt = boundedNumber(body, 'n', 1, 128) ?? 1;
  const { text, finishReason } = truncate(
    context.settings.answer(context.request),
    boundedNumber(body, 'max_tokens', 0, Number.MAX_SAFE_INTEGER),
  );
  const choices = prompts.flatMap((prompt) =>
    Array.from({ length: choicesPerPrompt }, () => ({ prefix: body.echo === true ? prompt : '', text })),
  );
  const promptTokens = prompts.reduce((total, prompt) => total + countTokens(prompt), 0);
  const completionTokens = countTokens(text) * choices.length;
  const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
  const base = { id: context.newId('cmpl-'), object: 'text_completion', created: unixSeconds(context), model };
  if (body.stream !== true) {
    return jsonReply({
      ...base,
      choices: choices.map((choice, index) => ({
        text: choice.prefix + choice.text,
        index,
        logprobs: null,
        finish_reason: finishReason,
      })),
      usage,
    });
  }
  const includeUsage = (body.stream_options as JsonObject | undefined)?.include_usage === true;
  const usageField = includeUsage ? { usage: null } : {};
  const chunk = (index: number, piece: string, finish: string | null): SseEvent => ({
    data: { ...base, choices: [{ text: piece, index, logprobs: null, finish_reason: finish }], ...usageField },
  });
  const events: SseEvent[] = [];
  const pieces = splitIntoTokens(text);
  choices.forEach((choice, index) => {
    if (choice.prefix) events.push(chunk(index, choice.prefix, null));
  });
  for (const piece of pieces) {
    for (let index = 0; index < choices.length; index++) events.push(chunk(index, piece, null));
  }
  for (let index = 0; index < choices.length; index++) events.push(chunk(index, '', finishReason));
  if (includeUsage) events.push({ data: { ...base, choices: [], usage } });
  return sseReply(events, { chunkDelay: context.settings.chunkDelay });
};

/**
 * `POST /v1/edits` (deprecated, gone from the API in 2024): the canned answer as the edited text.
 *
 * @example
 * routes.push({ route: 'POST /v1/edits', operation: createEdit });
 */
export const createEdit: Operation = (context) => {
  const body = jsonBody(context);
  modelOf(body, context);
  const instruction = requireString(body, 'instruction');
  const text = context.settings.answer(context.request);
  const choiceCount = boundedNumber(body, 'n', 1, 20) ?? 1;
  const promptTokens = countTokens(instruction) + countTokens(typeof body.input === 'string' ? body.input : '');
  const completionTokens = countTokens(text) * choiceCount;
  return jsonReply({
    object: 'edit',
    created: unixSeconds(context),
    choices: Array.from({ length: choiceCount }, (_, index) => ({ text, index })),
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  });
};

// A prompt is a string, strings, token ids or lists of token ids; each list
// of ids counts as one prompt, written back as its ids for `echo`.
function promptTexts(prompt: unknown): string[] {
  if (prompt === undefined || prompt === null) return ['<|endoftext|>'];
  if (typeof prompt === 'string') return [prompt];
  if (Array.isArray(prompt)) {
    if (prompt.length === 0) throw invalidRequest("[] is too short - 'prompt'", 'prompt');
    if (prompt.every((item) => typeof item === 'number')) return [prompt.join(' ')];
    if (prompt.every((item) => typeof item === 'string')) return prompt as string[];
    if (prompt.every((item) => Array.isArray(item))) return prompt.map((item) => (item as unknown[]).join(' '));
  }
  throw invalidRequest('Invalid type for \'prompt\': expected a string, an array of strings or an array of tokens.', 'prompt');
}
