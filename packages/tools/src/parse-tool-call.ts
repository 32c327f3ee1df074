import { type ChatCompletionMessageToolCall, InputRejectedError } from '@openai-micro/core';
import { type GenericSchema, type InferOutput, safeParse, summarize } from 'valibot';
import { ToolArgumentsError } from './tool-arguments-error.js';

/**
 * Parses the JSON arguments of a tool call and validates them with the tool's
 * valibot schema, returning typed values (`tool.parse(toolCall)` is the same).
 * Empty arguments count as `{}`, as some compatible servers send them for
 * tools without parameters.
 *
 * @throws {ToolArgumentsError} when the arguments are not JSON (`reason: 'json'`)
 * or fail the schema (`reason: 'schema'`, with valibot's `issues`).
 * @throws {InputRejectedError} with `field: 'toolCall'` when the call is for another tool.
 *
 * @example
 * for (const toolCall of message.tool_calls ?? []) {
 *   if (toolCall.function.name === weather.name) {
 *     const { city } = parseToolCall(weather, toolCall);
 *   }
 * }
 */
export function parseToolCall<Schema extends GenericSchema>(
  tool: { readonly name: string; readonly parameters: Schema },
  toolCall: ChatCompletionMessageToolCall,
): InferOutput<Schema> {
  const { name, arguments: argumentsText } = toolCall.function;
  if (name !== tool.name) {
    throw new InputRejectedError(`The tool call ${toolCall.id} is for "${name}", not for the tool "${tool.name}".`, 'toolCall');
  }
  const details = { toolName: name, toolCallId: toolCall.id, argumentsText };
  let value: unknown;
  try {
    value = argumentsText.trim() === '' ? {} : JSON.parse(argumentsText);
  } catch (cause) {
    throw new ToolArgumentsError(`The arguments for tool "${name}" are not valid JSON: ${(cause as Error).message}`, { ...details, reason: 'json', cause });
  }
  const result = safeParse(tool.parameters, value);
  if (!result.success) {
    throw new ToolArgumentsError(`The arguments for tool "${name}" do not match its parameters:\n${summarize(result.issues)}`, {
      ...details,
      reason: 'schema',
      issues: result.issues,
    });
  }
  return result.output;
}
