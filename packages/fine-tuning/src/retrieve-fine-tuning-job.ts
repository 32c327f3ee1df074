import { type Client, pathFor, type RequestOptions, request } from '@openai-micro/core';
import type { FineTuningJob, FineTuningJobParams } from './types.js';

/**
 * Retrieves a fine-tuning job (go-openai `RetrieveFineTuningJob`).
 *
 * @example
 * const job = await retrieveFineTuningJob(client, { fine_tuning_job_id: 'ftjob-abc' });
 * if (job.status === 'succeeded') console.log(job.fine_tuned_model);
 */
export async function retrieveFineTuningJob(client: Client, params: FineTuningJobParams, options?: RequestOptions<FineTuningJob>): Promise<FineTuningJob> {
  return request<FineTuningJob>(client, { method: 'GET', path: pathFor('/fine_tuning/jobs/{fine_tuning_job_id}', params) }, options);
}
