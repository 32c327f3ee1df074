import { type Client, type Page, pathFor, type RequestOptions, requestPage } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { ListQuery, Run, ThreadParams } from './types.js';

/**
 * Parameters of {@link listRuns}: the path ids and the query.
 *
 * @example
 * const params: ListRunsParams = { thread_id: 'thread_abc', limit: 10 };
 */
export type ListRunsParams = ThreadParams & ListQuery;

/**
 * Lists the runs of a thread (go-openai `ListRuns`, whose list dropped the
 * cursor fields). Auto-paginating.
 *
 * @example
 * for await (const run of await listRuns(client, { thread_id: 'thread_abc', limit: 10 })) console.log(run.id, run.status);
 */
export async function listRuns(client: Client, params: ListRunsParams, options?: RequestOptions): Promise<Page<Run>> {
  const { thread_id, ...query } = params;
  return requestPage<Run>(client, { method: 'GET', path: pathFor('/threads/{thread_id}/runs', { thread_id }), query, headers: assistantsBetaHeaders }, options);
}
