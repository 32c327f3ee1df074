import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { Run, RunParams } from './types.js';

/**
 * Retrieves a run (go-openai `RetrieveRun`; the spec's `getRun`).
 *
 * @example
 * const run = await retrieveRun(client, { thread_id: 'thread_abc', run_id: 'run_abc' });
 */
export async function retrieveRun(client: Client, params: RunParams, options?: RequestOptions<Run>): Promise<Run> {
  return request<Run>(client, { method: 'GET', path: pathFor('/threads/{thread_id}/runs/{run_id}', params), headers: assistantsBetaHeaders }, options);
}
