import { type Client, type RequestOptions, request } from '@openai-micro/core';
import type { CreateFineTuningJobRequest, FineTuningJob } from './types.js';

/**
 * Creates a fine-tuning job (go-openai `CreateFineTuningJob`). The body is
 * sent as given: `n_epochs: 'auto'` and zero values go out unchanged.
 *
 * @example
 * const job = await createFineTuningJob(client, {
 *   training_file: 'file-abc',
 *   model: 'gpt-3.5-turbo',
 *   hyperparameters: { n_epochs: 'auto' },
 *   suffix: 'support-bot',
 * });
 */
export async function createFineTuningJob(client: Client, params: CreateFineTuningJobRequest, options?: RequestOptions<FineTuningJob>): Promise<FineTuningJob> {
  return request<FineTuningJob>(client, { method: 'POST', path: '/fine_tuning/jobs', body: { ...params } }, options);
}
