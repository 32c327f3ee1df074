import { type Client, type RequestOptions, sleep } from '@openai-micro/core';
import { RunPollTimeoutError } from './errors.js';
import { retrieveRun } from './retrieve-run.js';
import type { Run, RunParams, RunStatus } from './types.js';

/**
 * Options of {@link pollRun}: the polling pace, a signal, a timeout, and the
 * per-call options (headers, timeout per request, retries…) for every request.
 *
 * @example
 * const options: PollRunOptions = { intervalMs: 500, maxIntervalMs: 5000, timeoutMs: 120_000 };
 */
export interface PollRunOptions extends Omit<RequestOptions, 'schema' | 'onUploadProgress' | 'query'> {
  /** Stops polling: the signal's reason (an AbortError) is thrown as soon as it aborts. */
  signal?: AbortSignal;
  /** The first wait between polls, in milliseconds. Default 500. */
  intervalMs?: number;
  /** The longest wait: waits double while the status stays the same, up to this. Default 5000. */
  maxIntervalMs?: number;
  /** Give up with a {@link RunPollTimeoutError} after this many milliseconds. Default 600000 (runs expire after 10 minutes). `Infinity` waits for ever. */
  timeoutMs?: number;
}

/**
 * Whether a run status is final: `completed`, `failed`, `cancelled`, `expired`, or v2's `incomplete`.
 *
 * @example
 * if (isTerminalRunStatus(run.status)) console.log('done:', run.status);
 */
export function isTerminalRunStatus(status: RunStatus): boolean {
  return status === 'completed' || status === 'failed' || status === 'cancelled' || status === 'expired' || status === 'incomplete';
}

/**
 * Whether a run needs nothing more from the poller: it ended, or it waits for tool outputs.
 *
 * @example
 * if (!isSettledRun(run)) run = await pollRun(client, { thread_id: run.thread_id, run_id: run.id });
 */
export function isSettledRun(run: Run): boolean {
  return run.status === 'requires_action' || isTerminalRunStatus(run.status);
}

/**
 * Polls a run until it ends (`completed`, `failed`, `cancelled`, `expired`,
 * `incomplete`) or waits for tool outputs (`requires_action`), and resolves it
 * as last retrieved. Waits start at `intervalMs` and double while the status
 * stays the same, up to `maxIntervalMs`. Aborting `signal` throws its reason at
 * once, also in the middle of a request; after `timeoutMs` a
 * {@link RunPollTimeoutError} is thrown. Beyond go-openai.
 *
 * @example
 * const run = await createRun(client, { thread_id: 'thread_abc', assistant_id: 'asst_abc' });
 * const settled = await pollRun(client, { thread_id: 'thread_abc', run_id: run.id }, { timeoutMs: 120_000 });
 * if (settled.status === 'requires_action') console.log(settled.required_action?.submit_tool_outputs.tool_calls);
 */
export async function pollRun(client: Client, params: RunParams, options: PollRunOptions = {}): Promise<Run> {
  const { signal, intervalMs = 500, maxIntervalMs = 5000, timeoutMs = 600_000, ...callOptions } = options;
  signal?.throwIfAborted();
  const controller = new AbortController();
  let lastRun: Run | undefined;
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  // Aborting with the typed error makes core throw it, even from a request in flight.
  const timer = Number.isFinite(timeoutMs) ? setTimeout(() => controller.abort(new RunPollTimeoutError(timeoutMs, lastRun)), timeoutMs) : undefined;
  try {
    let delay = intervalMs;
    let previousStatus: RunStatus | undefined;
    for (;;) {
      const run = await retrieveRun(client, { thread_id: params.thread_id, run_id: params.run_id }, { ...callOptions, signal: controller.signal });
      lastRun = run;
      if (isSettledRun(run)) return run;
      delay = previousStatus === undefined || run.status !== previousStatus ? intervalMs : Math.min(delay * 2, maxIntervalMs);
      previousStatus = run.status;
      await sleep(delay, controller.signal);
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
