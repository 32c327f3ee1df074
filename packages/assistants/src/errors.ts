import { OpenAIMicroError } from '@openai-micro/core';
import type { Run, RunToolCall } from './types.js';

function describeRun(run: Run): string {
  const reason = run.last_error ? `: ${run.last_error.code}: ${run.last_error.message}` : '';
  return `run ${run.id} ended with status "${run.status}"${reason}`;
}

/**
 * {@link pollRun} (or {@link runToolLoop} while waiting) gave up after
 * `timeoutMs`. `run` is the run as last retrieved, if any.
 *
 * @example
 * try { await pollRun(client, { thread_id, run_id }, { timeoutMs: 60_000 }); }
 * catch (error) { if (RunPollTimeoutError.isInstance(error)) await cancelRun(client, { thread_id, run_id }); }
 */
export class RunPollTimeoutError extends OpenAIMicroError {
  // A getter rather than an assignment keeps the class free of side effects (see core's errors).
  override get name(): 'RunPollTimeoutError' {
    return 'RunPollTimeoutError';
  }
  readonly milliseconds: number;
  readonly run: Run | undefined;
  constructor(milliseconds: number, run: Run | undefined) {
    super(`The run${run ? ` ${run.id}` : ''} did not finish within ${milliseconds} ms (the "timeoutMs" option)${run ? `; its last status was "${run.status}"` : ''}.`);
    this.milliseconds = milliseconds;
    this.run = run;
  }
}

/**
 * {@link runToolLoop} saw the run end without completing: `failed`,
 * `cancelled`, `expired` or `incomplete`. `run.last_error` says why, when the API says.
 *
 * @example
 * catch (error) { if (RunEndedError.isInstance(error)) console.error(error.status, error.run.last_error?.message); }
 */
export class RunEndedError extends OpenAIMicroError {
  override get name(): 'RunEndedError' {
    return 'RunEndedError';
  }
  readonly run: Run;
  readonly status: Run['status'];
  constructor(run: Run) {
    super(`The ${describeRun(run)}.`);
    this.run = run;
    this.status = run.status;
  }
}

/**
 * {@link runToolLoop} was asked to call a function it has no handler for; no
 * tool of that round ran and nothing was submitted.
 *
 * @example
 * catch (error) { if (UnknownToolError.isInstance(error)) console.error(`add a handler for "${error.toolName}"`); }
 */
export class UnknownToolError extends OpenAIMicroError {
  override get name(): 'UnknownToolError' {
    return 'UnknownToolError';
  }
  readonly toolName: string;
  readonly toolCall: RunToolCall;
  readonly run: Run;
  constructor(toolCall: RunToolCall, run: Run, knownTools: string[]) {
    const toolName = toolCall.function?.name ?? toolCall.type;
    super(`Run ${run.id} asked for the tool "${toolName}", which has no handler in "tools" (handlers: ${knownTools.join(', ') || 'none'}).`);
    this.toolName = toolName;
    this.toolCall = toolCall;
    this.run = run;
  }
}

/**
 * The model gave a tool call arguments that are not JSON; no tool of that
 * round ran. `toolCall.function.arguments` holds the text; `cause` the parse error.
 *
 * @example
 * catch (error) { if (ToolArgumentsError.isInstance(error)) console.error(error.toolCall.function.arguments); }
 */
export class ToolArgumentsError extends OpenAIMicroError {
  override get name(): 'ToolArgumentsError' {
    return 'ToolArgumentsError';
  }
  readonly toolName: string;
  readonly toolCall: RunToolCall;
  readonly run: Run;
  constructor(toolCall: RunToolCall, run: Run, cause: unknown) {
    super(`Run ${run.id} called "${toolCall.function.name}" with arguments that are not JSON: ${toolCall.function.arguments.slice(0, 200)}`, { cause });
    this.toolName = toolCall.function.name;
    this.toolCall = toolCall;
    this.run = run;
  }
}

/**
 * {@link runToolLoop} submitted tool outputs `maxRounds` times and the run asked
 * for tools again: a model that keeps calling tools would otherwise loop (and
 * bill) until the run expires. No tool of the extra round ran and nothing was
 * submitted; the run still waits in `requires_action`, so cancel it or call
 * `runToolLoop` again with it to allow more rounds.
 *
 * @example
 * try { await runToolLoop(client, run, { tools, maxRounds: 5 }); }
 * catch (error) { if (ToolRoundsExceededError.isInstance(error)) await cancelRun(client, { thread_id: error.run.thread_id, run_id: error.run.id }); }
 */
export class ToolRoundsExceededError extends OpenAIMicroError {
  override get name(): 'ToolRoundsExceededError' {
    return 'ToolRoundsExceededError';
  }
  readonly maxRounds: number;
  readonly run: Run;
  constructor(maxRounds: number, run: Run) {
    super(`Run ${run.id} still asked for tools after ${maxRounds} rounds of tool outputs (the "maxRounds" option of runToolLoop); it waits in requires_action: cancel it, or raise maxRounds.`);
    this.maxRounds = maxRounds;
    this.run = run;
  }
}

/**
 * The run waits for an action other than `submit_tool_outputs`, which
 * {@link runToolLoop} cannot perform.
 *
 * @example
 * catch (error) { if (UnsupportedRequiredActionError.isInstance(error)) console.error(error.run.required_action); }
 */
export class UnsupportedRequiredActionError extends OpenAIMicroError {
  override get name(): 'UnsupportedRequiredActionError' {
    return 'UnsupportedRequiredActionError';
  }
  readonly run: Run;
  constructor(run: Run) {
    super(`Run ${run.id} requires the action "${run.required_action?.type ?? 'unknown'}", which runToolLoop cannot perform.`);
    this.run = run;
  }
}
