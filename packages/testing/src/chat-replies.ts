import { countTokens, splitIntoTokens } from './tokens';
import type { JsonReply, ReplyOptions, SseEvent, SseReply } from './types';

/**
 * The answer of the default replies when the server's `answer` option is not set.
 *
 * @example
 * expect(completion.choices[0].message.content).toBe(DEFAULT_ANSWER);
 */
export const DEFAULT_ANSWER = 'Hello! This is the openai-micro test server.';

/**
 * A tool call to script; `arguments` may be an object (sent as JSON text).
 *
 * @example
 * const call: ToolCallScript = { name: 'get_weather', arguments: { city: 'Paris' } };
 */
export interface ToolCallScript {
  /** Defaults to `call_1`, `call_2`, ... by position. */
  id?: string;
  name: string;
  arguments?: string | Record<string, unknown> | unknown[];
}

/**
 * Token counts as the API reports them.
 *
 * @example
 * const usage: CompletionUsage = { prompt_tokens: 9, completion_tokens: 12, total_tokens: 21 };
 */
export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/**
 * What a scripted chat completion says.
 *
 * @example
 * const script: ChatCompletionScript = { content: 'Paris.', model: 'gpt-4o-mini', usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } };
 */
export interface ChatCompletionScript extends ReplyOptions {
  /** The assistant's text; `null` for a pure tool-call answer. Defaults to {@link DEFAULT_ANSWER} without tool or function calls. */
  content?: string | null;
  toolCalls?: ToolCallScript[];
  /** The deprecated `function_call` answer. */
  functionCall?: { name: string; arguments?: string | Record<string, unknown> };
  /** Defaults to `tool_calls`, `function_call` or `stop` by what the answer holds. */
  finishReason?: string;
  model?: string;
  id?: string;
  /** Unix seconds. */
  created?: number;
  /** How many identical choices (the request's `n`). */
  choices?: number;
  /** Defaults to counted completion tokens and zero prompt tokens. */
  usage?: CompletionUsage;
  systemFingerprint?: string;
}

/**
 * A scripted streamed chat completion.
 *
 * @example
 * const script: ChatCompletionStreamScript = { content: 'Hi there', chunkDelay: 30, includeUsage: true };
 */
export interface ChatCompletionStreamScript extends ChatCompletionScript {
  /** Milliseconds between chunks. */
  chunkDelay?: number;
  /** Add the final `usage` chunk (and `usage: null` on the others), as `stream_options.include_usage` does. */
  includeUsage?: boolean;
  /** End with `data: [DONE]` (default true). */
  done?: boolean;
  /** Drop the connection after the last chunk. */
  disconnect?: boolean;
}

/**
 * A `chat.completion` JSON reply with text, tool calls or a function call.
 *
 * @example
 * server.on('POST /v1/chat/completions').replyOnce(
 *   chatCompletionReply({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] }),
 * );
 */
export function chatCompletionReply(script: ChatCompletionScript = {}): JsonReply {
  return { ...replyOptionsOf(script), kind: 'json', body: chatCompletionBody(script) };
}

/**
 * A streamed chat completion: a role chunk, content pieces, tool-call
 * argument fragments, a finish chunk, an optional usage chunk, `[DONE]`.
 *
 * @example
 * server.on('POST /v1/chat/completions').replyOnce(
 *   chatCompletionStreamReply({ toolCalls: [{ id: 'call_abc', name: 'lookup', arguments: '{"q":"x"}' }], chunkDelay: 10 }),
 * );
 */
export function chatCompletionStreamReply(script: ChatCompletionStreamScript = {}): SseReply {
  return {
    ...replyOptionsOf(script),
    kind: 'sse',
    events: chatCompletionChunks(script).map((data) => ({ data }) satisfies SseEvent),
    chunkDelay: script.chunkDelay,
    done: script.done,
    disconnect: script.disconnect,
  };
}

/**
 * The `chat.completion` object a script describes.
 *
 * @example
 * chatCompletionBody({ content: 'Hi' }).choices[0].message; // { role: 'assistant', content: 'Hi' }
 */
export function chatCompletionBody(script: ChatCompletionScript) {
  const answer = resolveAnswer(script);
  const message: Record<string, unknown> = { role: 'assistant', content: answer.content };
  if (answer.toolCalls.length > 0) {
    message.tool_calls = answer.toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  if (answer.functionCall) message.function_call = answer.functionCall;
  return {
    id: script.id ?? 'chatcmpl-scripted',
    object: 'chat.completion',
    created: script.created ?? Math.floor(Date.now() / 1000),
    model: script.model ?? 'gpt-3.5-turbo',
    system_fingerprint: script.systemFingerprint ?? 'fp_openai_micro',
    choices: Array.from({ length: script.choices ?? 1 }, (_, index) => ({
      index,
      message: { ...message },
      logprobs: null,
      finish_reason: answer.finishReason,
    })),
    usage: answer.usage,
  };
}

/**
 * The `chat.completion.chunk` objects of a streamed answer, in order.
 *
 * @example
 * chatCompletionChunks({ content: 'Hi!' }).map((chunk) => chunk.choices[0]?.delta);
 * // [{ role: 'assistant', content: '' }, { content: 'Hi' }, { content: '!' }, {}]
 */
export function chatCompletionChunks(script: ChatCompletionStreamScript): ChatCompletionChunk[] {
  const answer = resolveAnswer(script);
  const deltas = streamDeltas(answer);
  const choiceCount = script.choices ?? 1;
  const base = {
    id: script.id ?? 'chatcmpl-scripted',
    object: 'chat.completion.chunk',
    created: script.created ?? Math.floor(Date.now() / 1000),
    model: script.model ?? 'gpt-3.5-turbo',
    system_fingerprint: script.systemFingerprint ?? 'fp_openai_micro',
  };
  const usageField = script.includeUsage ? { usage: null } : {};
  const chunk = (index: number, delta: Record<string, unknown>, finishReason: string | null): ChatCompletionChunk => ({
    ...base,
    choices: [{ index, delta, logprobs: null, finish_reason: finishReason }],
    ...usageField,
  });
  const chunks: ChatCompletionChunk[] = [];
  for (const delta of deltas) {
    for (let index = 0; index < choiceCount; index++) chunks.push(chunk(index, delta, null));
  }
  for (let index = 0; index < choiceCount; index++) chunks.push(chunk(index, {}, answer.finishReason));
  if (script.includeUsage) chunks.push({ ...base, choices: [], usage: answer.usage });
  return chunks;
}

/**
 * One `chat.completion.chunk` object.
 *
 * @example
 * const chunk: ChatCompletionChunk = chatCompletionChunks({ content: 'Hi' })[1]!;
 */
export interface ChatCompletionChunk {
  id: string;
  object: string;
  created: number;
  model: string;
  system_fingerprint: string;
  choices: Array<{ index: number; delta: Record<string, unknown>; logprobs: null; finish_reason: string | null }>;
  usage?: CompletionUsage | null;
}

interface ResolvedAnswer {
  content: string | null;
  toolCalls: Array<{ id: string; name: string; arguments: string }>;
  functionCall: { name: string; arguments: string } | undefined;
  finishReason: string;
  usage: CompletionUsage;
}

function resolveAnswer(script: ChatCompletionScript): ResolvedAnswer {
  const toolCalls = (script.toolCalls ?? []).map((call, index) => ({
    id: call.id ?? `call_${index + 1}`,
    name: call.name,
    arguments: argumentsText(call.arguments),
  }));
  const functionCall = script.functionCall
    ? { name: script.functionCall.name, arguments: argumentsText(script.functionCall.arguments) }
    : undefined;
  const calls = toolCalls.length > 0 || functionCall !== undefined;
  const content = script.content === undefined ? (calls ? null : DEFAULT_ANSWER) : script.content;
  const completionTokens =
    countTokens(content ?? '') +
    [...toolCalls, ...(functionCall ? [functionCall] : [])].reduce(
      (total, call) => total + countTokens(call.name) + countTokens(call.arguments),
      0,
    );
  return {
    content,
    toolCalls,
    functionCall,
    finishReason:
      script.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : functionCall ? 'function_call' : 'stop'),
    usage: script.usage ?? { prompt_tokens: 0, completion_tokens: completionTokens, total_tokens: completionTokens },
  };
}

// The first delta carries the role, as the API's does; a tool-call-only answer
// has `content: null` there and the first call's header merged into it.
function streamDeltas(answer: ResolvedAnswer): Record<string, unknown>[] {
  const deltas: Record<string, unknown>[] = [];
  if (answer.content !== null) {
    deltas.push({ role: 'assistant', content: '' });
    for (const piece of splitIntoTokens(answer.content)) deltas.push({ content: piece });
  } else {
    deltas.push({ role: 'assistant', content: null });
  }
  if (answer.functionCall) {
    addDelta(deltas, { function_call: { name: answer.functionCall.name, arguments: '' } });
    for (const piece of splitIntoTokens(answer.functionCall.arguments)) {
      deltas.push({ function_call: { arguments: piece } });
    }
  }
  answer.toolCalls.forEach((call, index) => {
    addDelta(deltas, {
      tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }],
    });
    for (const piece of splitIntoTokens(call.arguments)) {
      deltas.push({ tool_calls: [{ index, function: { arguments: piece } }] });
    }
  });
  return deltas;
}

function addDelta(deltas: Record<string, unknown>[], delta: Record<string, unknown>) {
  const last = deltas[deltas.length - 1];
  const mergeable = deltas.length === 1 && last?.content === null && !last.tool_calls && !last.function_call;
  if (mergeable) Object.assign(last, delta);
  else deltas.push(delta);
}

function argumentsText(value: ToolCallScript['arguments']): string {
  if (value === undefined) return '{}';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function replyOptionsOf(script: ReplyOptions) {
  const { status, headers, delay, rateLimit, retryAfter, retryAfterMilliseconds } = script;
  return { status, headers, delay, rateLimit, retryAfter, retryAfterMilliseconds };
}
