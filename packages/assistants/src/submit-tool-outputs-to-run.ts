import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import { refuseStream } from './refuse-stream.js';
import type { Run, RunParams, SubmitToolOutputsRunRequest } from './types.js';

/**
 * Parameters of {@link submitToolOutputsToRun}: the path ids and the body fields.
 *
 * @example
 * const params: SubmitToolOutputsToRunParams = { thread_id: 'thread_abc', run_id: 'run_abc', tool_outputs: [{ tool_call_id: 'call_abc', output: '42' }] };
 */
export type SubmitToolOutputsToRunParams = RunParams & SubmitToolOutputsRunRequest;

/**
 * Sends the outputs of the tool calls a run in `requires_action` waits for
 * (go-openai `SubmitToolOutputs`; the spec's misspelt `submitToolOuputsToRun`).
 * For a streamed continuation use `submitToolOutputsToRunStream`; `stream: true` here is refused.
 *
 * @example
 * const run = await submitToolOutputsToRun(client, {
 *   thread_id: 'thread_abc',
 *   run_id: 'run_abc',
 *   tool_outputs: [{ tool_call_id: 'call_abc', output: '22°C' }],
 * });
 */
export async function submitToolOutputsToRun(client: Client, params: SubmitToolOutputsToRunParams, options?: RequestOptions<Run>): Promise<Run> {
  refuseStream(params, 'submitToolOutputsToRun', 'submitToolOutputsToRunStream');
  const { thread_id, run_id, ...body } = params;
  return request<Run>(client, { method: 'POST', path: pathFor('/threads/{thread_id}/runs/{run_id}/submit_tool_outputs', { thread_id, run_id }), body, headers: assistantsBetaHeaders }, options);
}
