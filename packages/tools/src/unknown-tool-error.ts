import { OpenAIMicroError } from '@openai-micro/core';

/**
 * The model called a tool that is not among the tools given to
 * `runToolCalls` (or a tool call of a type other than `function`).
 *
 * @example
 * try {
 *   messages.push(...(await runToolCalls([weather], message.tool_calls)));
 * } catch (error) {
 *   if (UnknownToolError.isInstance(error)) console.error(`no tool "${error.toolName}"; known: ${error.knownTools.join(', ')}`);
 * }
 */
export class UnknownToolError extends OpenAIMicroError {
  override get name(): 'UnknownToolError' {
    return 'UnknownToolError';
  }
  /** The name the model called. */
  readonly toolName: string;
  /** The id of the tool call. */
  readonly toolCallId: string;
  /** The names of the tools that were given. */
  readonly knownTools: readonly string[];

  constructor(init: { toolName: string; toolCallId: string; type: string; knownTools: readonly string[] }) {
    super(
      init.type === 'function'
        ? `The model called the tool "${init.toolName}" (call ${init.toolCallId}), which is not among the tools given: ${init.knownTools.join(', ') || 'none'}.`
        : `The model made a tool call of type "${init.type}" (call ${init.toolCallId}); only "function" tool calls can be run.`,
    );
    this.toolName = init.toolName;
    this.toolCallId = init.toolCallId;
    this.knownTools = init.knownTools;
  }
}
