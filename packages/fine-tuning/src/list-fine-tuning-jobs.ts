import { type Client, type Page, type RequestOptions, requestPage } from '@openai-micro/core';
import type { FineTuningJob, ListFineTuningJobsParams } from './types.js';

/**
 * Lists the organization's fine-tuning jobs, newest first (the spec's
 * `listPaginatedFineTuningJobs`; go-openai has no such method). The page is
 * async-iterable over every job of every page, following the `after` cursor.
 *
 * @example
 * for await (const job of await listFineTuningJobs(client, { limit: 20 })) console.log(job.id, job.status);
 */
export async function listFineTuningJobs(client: Client, params: ListFineTuningJobsParams = {}, options?: RequestOptions): Promise<Page<FineTuningJob>> {
  return requestPage<FineTuningJob>(client, { method: 'GET', path: '/fine_tuning/jobs', query: { ...params } }, options);
}
