import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import { refuseStream } from './refuse-stream.js';
import type { CreateRunRequest, Run, ThreadParams } from './types.js';

/**
 * Parameters of {@link createRun}: the path ids and the body fields.
 *
 * @example
 * const params: CreateRunParams = { thread_id: 'thread_abc', assistant_id: 'asst_abc' };
 */
export type CreateRunParams = ThreadParams & CreateRunRequest;

/**
 * Starts a run of an assistant on a thread (go-openai `CreateRun`). For a
 * streamed run use `createRunStream`; `stream: true` here is refused.
 *
 * @example
 * const run = await createRun(client, { thread_id: 'thread_abc', assistant_id: 'asst_abc' });
 * const finished = await pollRun(client, { thread_id: 'thread_abc', run_id: run.id });
 */
export async function createRun(client: Client, params: CreateRunParams, options?: RequestOptions<Run>): Promise<Run> {
  refuseStream(params, 'createRun', 'createRunStream');
  const { thread_id, ...body } = params;
  return request<Run>(client, { method: 'POST', path: pathFor('/threads/{thread_id}/runs', { thread_id }), body, model: params.model ?? undefined, headers: assistantsBetaHeaders }, options);
}
