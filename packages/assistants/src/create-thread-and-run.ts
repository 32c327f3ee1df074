import { type Client, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import { refuseStream } from './refuse-stream.js';
import type { CreateThreadAndRunRequest, Run } from './types.js';

/**
 * Creates a thread and starts a run on it in one call (go-openai
 * `CreateThreadAndRun`). For a streamed run use `createThreadAndRunStream`;
 * `stream: true` here is refused.
 *
 * @example
 * const run = await createThreadAndRun(client, { assistant_id: 'asst_abc', thread: { messages: [{ role: 'user', content: 'Hi' }] } });
 */
export async function createThreadAndRun(client: Client, params: CreateThreadAndRunRequest, options?: RequestOptions<Run>): Promise<Run> {
  refuseStream(params, 'createThreadAndRun', 'createThreadAndRunStream');
  return request<Run>(client, { method: 'POST', path: '/threads/runs', body: { ...params }, model: params.model ?? undefined, headers: assistantsBetaHeaders }, options);
}
