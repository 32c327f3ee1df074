import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { Run, RunParams } from './types.js';

/**
 * Cancels a run that is `in_progress` (go-openai `CancelRun`); it then moves through `cancelling` to `cancelled`.
 *
 * @example
 * const run = await cancelRun(client, { thread_id: 'thread_abc', run_id: 'run_abc' });
 */
export async function cancelRun(client: Client, params: RunParams, options?: RequestOptions<Run>): Promise<Run> {
  return request<Run>(client, { method: 'POST', path: pathFor('/threads/{thread_id}/runs/{run_id}/cancel', params), headers: assistantsBetaHeaders }, options);
}
