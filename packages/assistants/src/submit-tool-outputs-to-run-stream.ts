import { type Client, type EventStream, pathFor, type RequestOptions } from '@openai-micro/core';
import { requestAssistantStream } from './assistant-stream.js';
import type { SubmitToolOutputsToRunParams } from './submit-tool-outputs-to-run.js';
import type { AssistantStreamEvent } from './types.js';

/**
 * Sends tool outputs to a run in `requires_action` and streams the rest of the
 * run (`stream: true` on POST /threads/{thread_id}/runs/{run_id}/submit_tool_outputs).
 * Errors as in `createRunStream`: an `error` event is thrown as `StreamEventError`.
 *
 * @example
 * const stream = await submitToolOutputsToRunStream(client, {
 *   thread_id: 'thread_abc',
 *   run_id: 'run_abc',
 *   tool_outputs: [{ tool_call_id: 'call_abc', output: '22°C' }],
 * });
 * for await (const event of stream) if (event.event === 'thread.run.completed') console.log(event.data.usage);
 */
export async function submitToolOutputsToRunStream(
  client: Client,
  params: SubmitToolOutputsToRunParams,
  options?: RequestOptions,
): Promise<EventStream<AssistantStreamEvent>> {
  const { thread_id, run_id, ...body } = params;
  return requestAssistantStream(
    client,
    { method: 'POST', path: pathFor('/threads/{thread_id}/runs/{run_id}/submit_tool_outputs', { thread_id, run_id }), body: { ...body, stream: true } },
    options,
  );
}
