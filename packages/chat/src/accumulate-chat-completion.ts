import { attachResponseMetadata, getResponseMetadata } from '@openai-micro/core';
import { createToolCallAccumulator, type ToolCallAccumulator } from './assemble-tool-calls.js';
import type {
  ChatCompletionChoice,
  ChatCompletionChunk,
  ChatCompletionFunctionCall,
  ChatCompletionResponseMessage,
  ChatCompletionTokenLogprob,
  CreateChatCompletionResponse,
} from './types.js';

/**
 * Builds the completion a stream amounts to, chunk by chunk.
 *
 * @example
 * const accumulator: ChatCompletionAccumulator = createChatCompletionAccumulator();
 * for await (const chunk of stream) accumulator.push(chunk);
 * const completion = accumulator.result();
 */
export interface ChatCompletionAccumulator {
  /** Adds one chunk. */
  push(chunk: ChatCompletionChunk): void;
  /** The completion the chunks pushed so far amount to. */
  result(): CreateChatCompletionResponse;
}

interface ChoiceState {
  index: number;
  role: string | undefined;
  content: string | null;
  refusal: string | null | undefined;
  functionCall: ChatCompletionFunctionCall | undefined;
  toolCalls: ToolCallAccumulator;
  finishReason: ChatCompletionChoice['finish_reason'];
  logprobs: { content: ChatCompletionTokenLogprob[] | null; refusal?: ChatCompletionTokenLogprob[] | null } | null;
  /** Delta fields these types do not know (such as `reasoning_content`): strings concatenated, other values replaced. */
  extra: Record<string, unknown>;
}

// A literal rather than a Set, so that nothing is built at import time.
const knownDeltaFields: readonly string[] = ['role', 'content', 'refusal', 'tool_calls', 'function_call'];

function appendLogprobs(
  into: ChatCompletionTokenLogprob[] | null | undefined,
  from: ChatCompletionTokenLogprob[] | null | undefined,
): ChatCompletionTokenLogprob[] | null | undefined {
  if (!from) return into;
  return [...(into ?? []), ...from];
}

/**
 * Creates a {@link ChatCompletionAccumulator}: per choice, content and refusal
 * text concatenated, role kept, tool calls merged by index, legacy
 * `function_call` pieces merged, log probabilities concatenated, the last
 * finish reason kept; `usage` from the chunk that carries it
 * (`stream_options.include_usage`), and `system_fingerprint` when sent.
 *
 * @example
 * const accumulator = createChatCompletionAccumulator();
 * for await (const chunk of stream) {
 *   accumulator.push(chunk);
 *   render(accumulator.result().choices[0]?.message.content ?? '');
 * }
 */
export function createChatCompletionAccumulator(): ChatCompletionAccumulator {
  const choices = new Map<number, ChoiceState>();
  const head: Omit<CreateChatCompletionResponse, 'choices' | 'object'> = { id: '', created: 0, model: '' };

  return {
    push(chunk) {
      if (!head.id && chunk.id) head.id = chunk.id;
      if (!head.created && chunk.created) head.created = chunk.created;
      if (!head.model && chunk.model) head.model = chunk.model;
      if (chunk.system_fingerprint) head.system_fingerprint = chunk.system_fingerprint;
      if (chunk.service_tier) head.service_tier = chunk.service_tier;
      if (chunk.usage) head.usage = chunk.usage;
      for (const item of chunk.choices ?? []) {
        let state = choices.get(item.index);
        if (!state) {
          state = {
            index: item.index,
            role: undefined,
            content: null,
            refusal: undefined,
            functionCall: undefined,
            toolCalls: createToolCallAccumulator(),
            finishReason: null,
            logprobs: null,
            extra: {},
          };
          choices.set(item.index, state);
        }
        const delta = item.delta ?? {};
        if (delta.role) state.role = delta.role;
        if (typeof delta.content === 'string') state.content = (state.content ?? '') + delta.content;
        if (typeof delta.refusal === 'string') state.refusal = (state.refusal ?? '') + delta.refusal;
        else if (delta.refusal === null && state.refusal === undefined) state.refusal = null;
        if (delta.function_call) {
          state.functionCall ??= { name: '', arguments: '' };
          if (delta.function_call.name) state.functionCall.name = delta.function_call.name;
          if (delta.function_call.arguments) state.functionCall.arguments += delta.function_call.arguments;
        }
        state.toolCalls.pushDeltas(delta.tool_calls);
        for (const [field, value] of Object.entries(delta)) {
          if (knownDeltaFields.includes(field) || value === undefined) continue;
          const previous = state.extra[field];
          state.extra[field] = typeof value === 'string' && typeof previous === 'string' ? previous + value : value;
        }
        if (item.finish_reason) state.finishReason = item.finish_reason;
        if (item.logprobs) {
          state.logprobs ??= { content: null };
          state.logprobs.content = appendLogprobs(state.logprobs.content, item.logprobs.content) ?? null;
          if (item.logprobs.refusal) state.logprobs.refusal = appendLogprobs(state.logprobs.refusal, item.logprobs.refusal);
        }
      }
    },
    result() {
      const list: ChatCompletionChoice[] = [...choices.values()]
        .sort((left, right) => left.index - right.index)
        .map((state) => {
          const message: ChatCompletionResponseMessage = { ...state.extra, role: state.role ?? 'assistant', content: state.content };
          if (state.refusal !== undefined) message.refusal = state.refusal;
          const toolCalls = state.toolCalls.result();
          if (toolCalls.length > 0) message.tool_calls = toolCalls;
          if (state.functionCall) message.function_call = { ...state.functionCall };
          const logprobs = state.logprobs && { ...state.logprobs, content: state.logprobs.content && [...state.logprobs.content] };
          return { index: state.index, message, finish_reason: state.finishReason, logprobs };
        });
      return { ...head, object: 'chat.completion', choices: list };
    },
  };
}

/**
 * Reads a whole chat stream and resolves the completion it amounts to, as if
 * the request had not streamed (see {@link createChatCompletionAccumulator}).
 * The result carries the stream's response metadata (`getResponseMetadata`).
 *
 * @example
 * const stream = await createChatCompletionStream(client, { model: 'gpt-4o-mini', messages, tools, stream_options: { include_usage: true } });
 * const completion = await accumulateChatCompletion(stream);
 * console.log(completion.choices[0]?.message.tool_calls, completion.usage?.total_tokens);
 */
export async function accumulateChatCompletion(stream: AsyncIterable<ChatCompletionChunk>): Promise<CreateChatCompletionResponse> {
  const accumulator = createChatCompletionAccumulator();
  for await (const chunk of stream) accumulator.push(chunk);
  const completion = accumulator.result();
  let metadata: ReturnType<typeof getResponseMetadata> | undefined;
  try {
    metadata = getResponseMetadata(stream);
  } catch {
    // A stream not made by this library (a test fixture, a replay) has no metadata to carry over.
  }
  return metadata ? attachResponseMetadata(completion, metadata.status, metadata.headers) : completion;
}
