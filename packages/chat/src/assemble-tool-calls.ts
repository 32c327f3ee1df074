import type { ChatCompletionChunk, ChatCompletionMessageToolCall, ChatCompletionMessageToolCallChunk } from './types.js';

/**
 * Merges the tool-call pieces of a stream into complete tool calls, as chunks arrive.
 *
 * @example
 * const toolCalls: ToolCallAccumulator = createToolCallAccumulator();
 * for await (const chunk of stream) toolCalls.push(chunk);
 */
export interface ToolCallAccumulator {
  /** Adds the tool-call pieces of one chunk (of the choice the accumulator follows). */
  push(chunk: ChatCompletionChunk): void;
  /** Adds tool-call pieces directly, such as `chunk.choices[1].delta.tool_calls`. */
  pushDeltas(deltas: readonly ChatCompletionMessageToolCallChunk[] | null | undefined): void;
  /** The tool calls so far, in `index` order; their arguments are whole once the choice has a finish reason. */
  result(): ChatCompletionMessageToolCall[];
}

/**
 * Options of {@link createToolCallAccumulator}.
 *
 * @example
 * const secondChoice = createToolCallAccumulator({ choice: 1 });
 */
export interface ToolCallAccumulatorOptions {
  /** The choice whose tool calls `push` collects, for `n` > 1. Default 0. */
  choice?: number;
}

/**
 * Creates a {@link ToolCallAccumulator}: tool-call pieces are merged by their
 * `index` into complete `ChatCompletionMessageToolCall`s, the argument JSON
 * text concatenated, so that parallel tool calls stay apart. Pieces without an
 * `index` (some compatible servers) start a new call when they bring a new
 * `id` and extend the last call otherwise.
 *
 * @example
 * const toolCalls = createToolCallAccumulator();
 * for await (const chunk of stream) toolCalls.push(chunk);
 * for (const call of toolCalls.result()) console.log(call.function.name, JSON.parse(call.function.arguments));
 */
export function createToolCallAccumulator(options: ToolCallAccumulatorOptions = {}): ToolCallAccumulator {
  const choice = options.choice ?? 0;
  const calls = new Map<number, ChatCompletionMessageToolCall>();
  let lastIndex = -1;

  const pushDeltas = (deltas: readonly ChatCompletionMessageToolCallChunk[] | null | undefined) => {
    for (const delta of deltas ?? []) {
      let index: number = delta.index;
      if (typeof index !== 'number') {
        const last = calls.get(lastIndex);
        index = !last || (delta.id && delta.id !== last.id) ? lastIndex + 1 : lastIndex;
      }
      let call = calls.get(index);
      if (!call) {
        call = { id: '', type: 'function', function: { name: '', arguments: '' } };
        calls.set(index, call);
      }
      lastIndex = Math.max(lastIndex, index);
      // Servers send the id, type and name once, but some repeat them whole in
      // every piece: replacing them (never concatenating) is right for both.
      if (delta.id) call.id = delta.id;
      if (delta.type) call.type = delta.type;
      if (delta.function?.name) call.function.name = delta.function.name;
      if (delta.function?.arguments) call.function.arguments += delta.function.arguments;
    }
  };

  return {
    push(chunk) {
      for (const item of chunk.choices ?? []) if (item.index === choice) pushDeltas(item.delta?.tool_calls);
    },
    pushDeltas,
    result() {
      return [...calls.entries()]
        .sort(([left], [right]) => left - right)
        .map(([, call]) => ({ ...call, function: { ...call.function } }));
    },
  };
}

/**
 * Merges tool-call pieces (go-openai left this to the caller) into complete
 * tool calls: see {@link createToolCallAccumulator}.
 *
 * @example
 * const pieces = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
 * const [call] = assembleToolCalls(pieces);
 * // { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }
 */
export function assembleToolCalls(deltas: Iterable<ChatCompletionMessageToolCallChunk>): ChatCompletionMessageToolCall[] {
  const accumulator = createToolCallAccumulator();
  accumulator.pushDeltas([...deltas]);
  return accumulator.result();
}
