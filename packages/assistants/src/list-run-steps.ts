import { type Client, type Page, pathFor, type RequestOptions, requestPage } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { ListQuery, RunParams, RunStep } from './types.js';

/**
 * Parameters of {@link listRunSteps}: the path ids and the query.
 *
 * @example
 * const params: ListRunStepsParams = { thread_id: 'thread_abc', run_id: 'run_abc', order: 'asc' };
 */
export type ListRunStepsParams = RunParams & ListQuery;

/**
 * Lists the steps of a run (go-openai `ListRunSteps`). Auto-paginating.
 *
 * @example
 * for await (const step of await listRunSteps(client, { thread_id: 'thread_abc', run_id: 'run_abc' })) console.log(step.type, step.status);
 */
export async function listRunSteps(client: Client, params: ListRunStepsParams, options?: RequestOptions): Promise<Page<RunStep>> {
  const { thread_id, run_id, ...query } = params;
  return requestPage<RunStep>(client, { method: 'GET', path: pathFor('/threads/{thread_id}/runs/{run_id}/steps', { thread_id, run_id }), query, headers: assistantsBetaHeaders }, options);
}
