import type { Client, EventStream, RequestOptions } from '@openai-micro/core';
import { requestAssistantStream } from './assistant-stream.js';
import type { AssistantStreamEvent, CreateThreadAndRunRequest } from './types.js';

/**
 * Creates a thread, starts a run on it and streams the run's events
 * (`stream: true` on POST /threads/runs); the first event is `thread.created`.
 * Errors as in `createRunStream`: an `error` event is thrown as `StreamEventError`.
 *
 * @example
 * const stream = await createThreadAndRunStream(client, { assistant_id: 'asst_abc', thread: { messages: [{ role: 'user', content: 'Hi' }] } });
 * for await (const event of stream) if (event.event === 'thread.created') console.log('thread', event.data.id);
 */
export async function createThreadAndRunStream(client: Client, params: CreateThreadAndRunRequest, options?: RequestOptions): Promise<EventStream<AssistantStreamEvent>> {
  return requestAssistantStream(client, { method: 'POST', path: '/threads/runs', body: { ...params, stream: true }, model: params.model ?? undefined }, options);
}
