import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { ModifyRunRequest, Run, RunParams } from './types.js';

/**
 * Parameters of {@link modifyRun}: the path ids and the body fields.
 *
 * @example
 * const params: ModifyRunParams = { thread_id: 'thread_abc', run_id: 'run_abc', metadata: { ticket: 'T-1' } };
 */
export type ModifyRunParams = RunParams & ModifyRunRequest;

/**
 * Modifies a run's metadata (go-openai `ModifyRun`).
 *
 * @example
 * const run = await modifyRun(client, { thread_id: 'thread_abc', run_id: 'run_abc', metadata: { ticket: 'T-1' } });
 */
export async function modifyRun(client: Client, params: ModifyRunParams, options?: RequestOptions<Run>): Promise<Run> {
  const { thread_id, run_id, ...body } = params;
  return request<Run>(client, { method: 'POST', path: pathFor('/threads/{thread_id}/runs/{run_id}', { thread_id, run_id }), body, headers: assistantsBetaHeaders }, options);
}
