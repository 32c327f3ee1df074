import { type Client, InputRejectedError } from '@openai-micro/core';
import { RunEndedError, ToolArgumentsError, ToolRoundsExceededError, UnknownToolError, UnsupportedRequiredActionError } from './errors.js';
import { isSettledRun, type PollRunOptions, pollRun } from './poll-run.js';
import { submitToolOutputsToRun } from './submit-tool-outputs-to-run.js';
import type { Run, RunParams, RunToolCall, ToolOutput } from './types.js';

/**
 * A function the model may call: it receives the parsed JSON arguments and
 * returns the output, a string as it is or any other value as JSON.
 *
 * @example
 * const getWeather: ToolHandler = async ({ city }) => ({ city, celsius: 22 });
 */
export type ToolHandler = (args: any, context: { toolCall: RunToolCall; run: Run; signal: AbortSignal | undefined }) => unknown;

/**
 * Options of {@link runToolLoop}: the tool handlers by function name, the
 * most rounds of tool outputs, plus {@link PollRunOptions} for the waits and
 * requests in between.
 *
 * @example
 * const options: RunToolLoopOptions = { tools: { get_weather: async ({ city }) => `22°C in ${city}` }, maxRounds: 5, timeoutMs: 120_000 };
 */
export interface RunToolLoopOptions extends PollRunOptions {
  tools: Record<string, ToolHandler>;
  /**
   * How many times at most the loop submits tool outputs; when the run asks
   * for tools once more, {@link ToolRoundsExceededError} is thrown before any
   * handler runs. A positive integer or `Infinity`. Default 20.
   */
  maxRounds?: number;
}

function isRun(target: RunParams | Run): target is Run {
  return 'id' in target && 'status' in target;
}

function toOutput(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined ? '' : JSON.stringify(value);
}

// Every call of a round is checked before any handler runs, so an unknown tool
// or bad arguments never leave some tools run and their outputs unsent.
function prepareCalls(run: Run, tools: Record<string, ToolHandler>): { toolCall: RunToolCall; handler: ToolHandler; args: unknown }[] {
  const action = run.required_action;
  if (action?.type !== 'submit_tool_outputs' || !Array.isArray(action.submit_tool_outputs?.tool_calls)) throw new UnsupportedRequiredActionError(run);
  return action.submit_tool_outputs.tool_calls.map((toolCall) => {
    const name = toolCall.function?.name;
    // Own properties only: a model asking for "constructor" must not reach Object.prototype.
    const handler = toolCall.type === 'function' && typeof name === 'string' && Object.hasOwn(tools, name) ? tools[name] : undefined;
    if (typeof handler !== 'function') throw new UnknownToolError(toolCall, run, Object.keys(tools));
    const text = toolCall.function.arguments;
    let args: unknown;
    try {
      args = text.trim() === '' ? {} : JSON.parse(text);
    } catch (cause) {
      throw new ToolArgumentsError(toolCall, run, cause);
    }
    return { toolCall, handler, args };
  });
}

/**
 * Drives a run to completion, calling your functions when it asks: it waits
 * for the run (see {@link pollRun}), and each time the run is in
 * `requires_action` it calls the handlers of the requested tools concurrently,
 * submits their outputs in one `submitToolOutputsToRun`, and waits again,
 * until the run completes; it then resolves the completed run. A run that
 * fails, is cancelled, expires or ends incomplete throws {@link RunEndedError};
 * a tool without a handler {@link UnknownToolError}; arguments that are not
 * JSON {@link ToolArgumentsError}; a run still asking for tools after
 * `maxRounds` submissions (default 20) {@link ToolRoundsExceededError}. An
 * error thrown by a handler is thrown as it is (the run then waits until it
 * expires, or until you cancel it).
 * Accepts the run ids, or a run object as `createRun` returned it.
 *
 * @example
 * const run = await createRun(client, { thread_id: thread.id, assistant_id: assistant.id });
 * const completed = await runToolLoop(client, run, {
 *   tools: {
 *     get_weather: async ({ city }: { city: string }) => ({ city, celsius: 22 }),
 *     get_time: () => new Date().toISOString(),
 *   },
 *   timeoutMs: 120_000,
 * });
 * const messages = await listMessages(client, { thread_id: thread.id, order: 'desc', limit: 1 });
 */
export async function runToolLoop(client: Client, target: RunParams | Run, options: RunToolLoopOptions): Promise<Run> {
  const { tools, maxRounds = 20, ...pollOptions } = options;
  if (!(maxRounds === Number.POSITIVE_INFINITY || (Number.isInteger(maxRounds) && maxRounds > 0))) {
    throw new InputRejectedError(`"maxRounds" must be a positive integer or Infinity, not ${String(maxRounds)}.`, 'maxRounds');
  }
  const { signal, intervalMs: _intervalMs, maxIntervalMs: _maxIntervalMs, timeoutMs: _timeoutMs, ...callOptions } = pollOptions;
  const ids: RunParams = isRun(target) ? { thread_id: target.thread_id, run_id: target.id } : { thread_id: target.thread_id, run_id: target.run_id };
  let run = isRun(target) && isSettledRun(target) ? target : await pollRun(client, ids, pollOptions);
  for (let rounds = 0; ; rounds++) {
    if (run.status === 'completed') return run;
    if (run.status !== 'requires_action') throw new RunEndedError(run);
    if (rounds >= maxRounds) throw new ToolRoundsExceededError(maxRounds, run);
    const calls = prepareCalls(run, tools);
    const current = run;
    const tool_outputs: ToolOutput[] = await Promise.all(
      calls.map(async ({ toolCall, handler, args }) => ({ tool_call_id: toolCall.id, output: toOutput(await handler(args, { toolCall, run: current, signal })) })),
    );
    signal?.throwIfAborted();
    const submitted = await submitToolOutputsToRun(client, { ...ids, tool_outputs }, { ...callOptions, signal });
    run = isSettledRun(submitted) ? submitted : await pollRun(client, ids, pollOptions);
  }
}
