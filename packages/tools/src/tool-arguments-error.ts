import { OpenAIMicroError } from '@openai-micro/core';
import type { BaseIssue } from 'valibot';

/**
 * The model called a tool with arguments that cannot be used: not valid JSON
 * (`reason: 'json'`), or JSON that fails the tool's valibot schema
 * (`reason: 'schema'`, with valibot's `issues`). Its message is written so it
 * can be sent back to the model to try again.
 *
 * @example
 * try {
 *   const args = weather.parse(toolCall);
 * } catch (error) {
 *   if (ToolArgumentsError.isInstance(error)) console.error(error.toolName, error.reason, error.issues);
 * }
 */
export class ToolArgumentsError extends OpenAIMicroError {
  // A prototype getter, as in core, so the class has no module-level side effect.
  override get name(): 'ToolArgumentsError' {
    return 'ToolArgumentsError';
  }
  /** Why the arguments were refused. */
  readonly reason: 'json' | 'schema';
  /** The called function's name. */
  readonly toolName: string;
  /** The id of the tool call, to answer it with a tool message. */
  readonly toolCallId: string;
  /** The arguments text exactly as the model sent it. */
  readonly argumentsText: string;
  /** valibot's issues, for `reason: 'schema'`. */
  readonly issues: readonly BaseIssue<unknown>[] | undefined;

  constructor(
    message: string,
    init: { reason: 'json' | 'schema'; toolName: string; toolCallId: string; argumentsText: string; issues?: readonly BaseIssue<unknown>[]; cause?: unknown },
  ) {
    super(message, { cause: init.cause });
    this.reason = init.reason;
    this.toolName = init.toolName;
    this.toolCallId = init.toolCallId;
    this.argumentsText = init.argumentsText;
    this.issues = init.issues;
  }
}
