import { chatCompletionReply, chatCompletionStreamReply } from '../chat-replies';
import { invalidRequest } from '../operation-errors';
import { countTokens, splitIntoTokens } from '../tokens';
import {
  boundedNumber,
  jsonBody,
  type Operation,
  type OperationContext,
  optionalString,
  unixSeconds,
} from './context';
import type { JsonObject } from '../state';

/**
 * `POST /v1/chat/completions`: the canned answer as JSON, or as an SSE stream
 * when `stream: true` (role chunk, one chunk per token, finish chunk, a usage
 * chunk with `stream_options.include_usage`, then `[DONE]`). `max_tokens`
 * cuts the answer with `finish_reason: 'length'`.
 *
 * @example
 * routes.push({ route: 'POST /v1/chat/completions', operation: createChatCompletion });
 */
export const createChatCompletion: Operation = (context) => {
  const body = jsonBody(context);
  const model = modelOf(body, context);
  if (!Array.isArray(body.messages)) throw invalidRequest('you must provide a messages parameter', 'messages');
  if (body.messages.length === 0) throw invalidRequest("[] is too short - 'messages'", 'messages');
  const choices = boundedNumber(body, 'n', 1, 128) ?? 1;
  const maxTokens = boundedNumber(body, 'max_tokens', 1, Number.MAX_SAFE_INTEGER);
  const { text, finishReason } = truncate(context.settings.answer(context.request), maxTokens);
  const promptTokens = countMessageTokens(body.messages);
  const completionTokens = countTokens(text) * choices;
  const script = {
    id: context.newId('chatcmpl-'),
    created: unixSeconds(context),
    model,
    content: text,
    choices,
    finishReason,
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
  if (body.stream !== true) return chatCompletionReply(script);
  const streamOptions = body.stream_options as JsonObject | undefined;
  return chatCompletionStreamReply({
    ...script,
    includeUsage: streamOptions?.include_usage === true,
    chunkDelay: context.settings.chunkDelay,
  });
};

/**
 * The request's `model`, or on Azure the deployment that stands for it.
 *
 * @example
 * const model = modelOf(jsonBody(context), context);
 */
export function modelOf(body: JsonObject, context: OperationContext): string {
  const model = optionalString(body, 'model') || context.request.azure?.deployment;
  if (!model) throw invalidRequest('you must provide a model parameter', 'model');
  return model;
}

/**
 * Cuts `text` to `maxTokens` pieces, saying why the answer stopped.
 *
 * @example
 * truncate('Hello there', 1); // { text: 'Hello', finishReason: 'length' }
 */
export function truncate(text: string, maxTokens: number | undefined): { text: string; finishReason: 'stop' | 'length' } {
  const pieces = splitIntoTokens(text);
  if (maxTokens === undefined || pieces.length <= maxTokens) return { text, finishReason: 'stop' };
  return { text: pieces.slice(0, maxTokens).join(''), finishReason: 'length' };
}

// About what the API bills: the text of every message plus a few tokens of framing each.
function countMessageTokens(messages: unknown[]): number {
  let total = 3;
  for (const message of messages) {
    const content = (message as JsonObject | null)?.content;
    total += 3;
    if (typeof content === 'string') total += countTokens(content);
    else if (Array.isArray(content)) {
      for (const part of content as JsonObject[]) {
        total += typeof part?.text === 'string' ? countTokens(part.text) : 85;
      }
    }
  }
  return total;
}
