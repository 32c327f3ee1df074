import { type Client, pathFor, type RequestOptions, request } from '@openai-micro/core';
import type { FineTuningJob, FineTuningJobParams } from './types.js';

/**
 * Cancels a running fine-tuning job (go-openai `CancelFineTuningJob`) and
 * resolves the job as the API then reports it.
 *
 * @example
 * const job = await cancelFineTuningJob(client, { fine_tuning_job_id: 'ftjob-abc' });
 */
export async function cancelFineTuningJob(client: Client, params: FineTuningJobParams, options?: RequestOptions<FineTuningJob>): Promise<FineTuningJob> {
  return request<FineTuningJob>(client, { method: 'POST', path: pathFor('/fine_tuning/jobs/{fine_tuning_job_id}/cancel', params) }, options);
}
