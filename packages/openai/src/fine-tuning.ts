import type { Client, Page } from '@openai-micro/core';
import {
  type CreateFineTuningJobRequest,
  cancelFineTuningJob,
  createFineTuningJob,
  type FineTuningJob,
  type FineTuningJobEvent,
  type ListFineTuningEventsParams,
  type ListFineTuningJobsParams,
  listFineTuningEvents,
  listFineTuningJobs,
  retrieveFineTuningJob,
} from '@openai-micro/fine-tuning';
import type { CallOptions } from './options.js';

/**
 * `openai.fineTuning.jobs`.
 *
 * @example
 * const job = await openai.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: 'file-abc' });
 */
export class FineTuningJobs {
  readonly #client: Client;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const jobs = new FineTuningJobs(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
  }

  /**
   * `createFineTuningJob`.
   *
   * @example
   * const job = await openai.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: 'file-abc' });
   */
  async create(params: CreateFineTuningJobRequest, options?: CallOptions): Promise<FineTuningJob> {
    return createFineTuningJob(this.#client, params, options);
  }

  /**
   * `listFineTuningJobs`: a page, async-iterable over every job.
   *
   * @example
   * for await (const job of await openai.fineTuning.jobs.list({ limit: 20 })) console.log(job.id, job.status);
   */
  async list(params: ListFineTuningJobsParams = {}, options?: CallOptions): Promise<Page<FineTuningJob>> {
    return listFineTuningJobs(this.#client, params, options);
  }

  /**
   * `retrieveFineTuningJob`.
   *
   * @example
   * const job = await openai.fineTuning.jobs.retrieve('ftjob-abc');
   */
  async retrieve(fineTuningJobId: string, options?: CallOptions): Promise<FineTuningJob> {
    return retrieveFineTuningJob(this.#client, { fine_tuning_job_id: fineTuningJobId }, options);
  }

  /**
   * `cancelFineTuningJob`.
   *
   * @example
   * await openai.fineTuning.jobs.cancel('ftjob-abc');
   */
  async cancel(fineTuningJobId: string, options?: CallOptions): Promise<FineTuningJob> {
    return cancelFineTuningJob(this.#client, { fine_tuning_job_id: fineTuningJobId }, options);
  }

  /**
   * `listFineTuningEvents`: a page, async-iterable over every event.
   *
   * @example
   * for await (const event of await openai.fineTuning.jobs.listEvents('ftjob-abc', { limit: 50 })) console.log(event.message);
   */
  async listEvents(
    fineTuningJobId: string,
    params: Omit<ListFineTuningEventsParams, 'fine_tuning_job_id'> = {},
    options?: CallOptions,
  ): Promise<Page<FineTuningJobEvent>> {
    return listFineTuningEvents(this.#client, { ...params, fine_tuning_job_id: fineTuningJobId }, options);
  }
}

/**
 * `openai.fineTuning`.
 *
 * @example
 * const job = await openai.fineTuning.jobs.retrieve('ftjob-abc');
 */
export class FineTuning {
  /** Fine-tuning jobs and their events. */
  readonly jobs: FineTuningJobs;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const fineTuning = new FineTuning(createClient());
   */
  constructor(client: Client) {
    this.jobs = new FineTuningJobs(client);
  }
}
