import { type Client, type Page, pathFor, type RequestOptions, requestPage } from '@openai-micro/core';
import type { FineTuningJobEvent, ListFineTuningEventsParams } from './types.js';

/**
 * Lists a fine-tuning job's events, newest first (go-openai
 * `ListFineTuningJobEvents`, whose events lost `id`, `type` and `data`). The
 * page is async-iterable over every event of every page, following the
 * `after` cursor towards older events.
 *
 * @example
 * const page = await listFineTuningEvents(client, { fine_tuning_job_id: 'ftjob-abc', limit: 50 });
 * for (const event of page.data) console.log(event.level, event.message);
 */
export async function listFineTuningEvents(client: Client, params: ListFineTuningEventsParams, options?: RequestOptions): Promise<Page<FineTuningJobEvent>> {
  const { fine_tuning_job_id, ...query } = params;
  return requestPage<FineTuningJobEvent>(
    client,
    { method: 'GET', path: pathFor('/fine_tuning/jobs/{fine_tuning_job_id}/events', { fine_tuning_job_id }), query },
    options,
  );
}
