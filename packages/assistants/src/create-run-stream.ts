import { type Client, type EventStream, pathFor, type RequestOptions } from '@openai-micro/core';
import { requestAssistantStream } from './assistant-stream.js';
import type { CreateRunParams } from './create-run.js';
import type { AssistantStreamEvent } from './types.js';

/**
 * Starts a run and streams its events (`stream: true` on POST
 * /threads/{thread_id}/runs): run status changes, steps, messages and their
 * deltas, as typed `{ event, data }` objects. go-openai never had run streaming.
 * The stream is async-iterable and cancellable; leaving the loop early cancels the request.
 * An `error` event is thrown as core's `StreamEventError` (not yielded), and a
 * stream cut before a final run event or `[DONE]` throws `StreamProtocolError`.
 *
 * @example
 * const stream = await createRunStream(client, { thread_id: 'thread_abc', assistant_id: 'asst_abc' });
 * for await (const event of stream) {
 *   if (event.event === 'thread.message.delta') {
 *     for (const part of event.data.delta.content ?? []) process.stdout.write(part.text?.value ?? '');
 *   }
 * }
 */
export async function createRunStream(client: Client, params: CreateRunParams, options?: RequestOptions): Promise<EventStream<AssistantStreamEvent>> {
  const { thread_id, ...body } = params;
  return requestAssistantStream(
    client,
    { method: 'POST', path: pathFor('/threads/{thread_id}/runs', { thread_id }), body: { ...body, stream: true }, model: params.model ?? undefined },
    options,
  );
}
