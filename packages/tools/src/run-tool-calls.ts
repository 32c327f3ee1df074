import { type ChatCompletionMessageToolCall, InputRejectedError } from '@openai-micro/core';
import type { Tool } from './define-tool.js';
import { ToolArgumentsError } from './tool-arguments-error.js';
import type { ChatCompletionRequestToolMessage } from './types.js';
import { UnknownToolError } from './unknown-tool-error.js';

/**
 * Options of {@link runToolCalls}.
 *
 * @example
 * const options: RunToolCallsOptions = { invalidArguments: 'reply', signal: AbortSignal.timeout(10_000) };
 * messages.push(...(await runToolCalls(tools, message.tool_calls, options)));
 */
export interface RunToolCallsOptions {
  /**
   * What to do when the model sent invalid arguments: `'throw'` (default) the
   * {@link ToolArgumentsError}, or `'reply'` with a tool message holding the
   * error, so the model can correct itself on its next turn.
   */
  invalidArguments?: 'throw' | 'reply';
  /** Passed to every `execute` in its context. */
  signal?: AbortSignal;
}

function toContent(result: unknown): string {
  return typeof result === 'string' ? result : (JSON.stringify(result) ?? '');
}

/**
 * Runs the tool calls of an assistant message and returns one `tool` message
 * per call, in call order, ready to append after that assistant message.
 * Every call is matched and its arguments parsed before any tool runs, so a
 * bad call stops the batch before side effects; the tools then run
 * concurrently. Results are sent as they are when strings, else as JSON.
 *
 * @throws {UnknownToolError} when a call names no given tool.
 * @throws {ToolArgumentsError} for invalid arguments, unless `invalidArguments: 'reply'`.
 * @throws {InputRejectedError} with `field: 'tools'` when a called tool has no `execute`.
 *
 * @example
 * const message = completion.choices[0]!.message;
 * if (message.tool_calls?.length) {
 *   messages.push(message, ...(await runToolCalls([weather, calendar], message.tool_calls)));
 * }
 */
export async function runToolCalls(
  tools: readonly Tool<any, any>[],
  toolCalls: readonly ChatCompletionMessageToolCall[] | null | undefined,
  options: RunToolCallsOptions = {},
): Promise<ChatCompletionRequestToolMessage[]> {
  const planned = (toolCalls ?? []).map((toolCall) => {
    const tool = toolCall.type === 'function' ? tools.find((candidate) => candidate.name === toolCall.function.name) : undefined;
    if (!tool) {
      throw new UnknownToolError({ toolName: toolCall.function.name, toolCallId: toolCall.id, type: toolCall.type, knownTools: tools.map((candidate) => candidate.name) });
    }
    if (!tool.execute) throw new InputRejectedError(`The tool "${tool.name}" has no execute function, so runToolCalls cannot run it.`, 'tools');
    try {
      return { toolCall, tool, args: tool.parse(toolCall) as unknown, refusal: undefined };
    } catch (error) {
      if (options.invalidArguments !== 'reply' || !ToolArgumentsError.isInstance(error)) throw error;
      return { toolCall, tool, args: undefined, refusal: `Error: ${error.message}` };
    }
  });
  return Promise.all(
    planned.map(async ({ toolCall, tool, args, refusal }) => ({
      role: 'tool' as const,
      tool_call_id: toolCall.id,
      content: refusal ?? toContent(await tool.execute!(args, { toolCall, signal: options.signal })),
    })),
  );
}
