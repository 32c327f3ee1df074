import type { CursorQuery, OpenAIFile, OpenString } from '@openai-micro/core';

export type { Page } from '@openai-micro/core';

/**
 * Where a fine-tuning job is in its life (the spec's `FineTuningJob.status`),
 * as a union that still accepts statuses the API adds later.
 *
 * @example
 * if (job.status === FineTuningJobStatus.Succeeded) console.log(job.fine_tuned_model);
 */
export type FineTuningJobStatus = OpenString<'validating_files' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'>;

/**
 * The known fine-tuning job statuses by name.
 *
 * @example
 * FineTuningJobStatus.Running; // 'running'
 */
export const FineTuningJobStatus = {
  ValidatingFiles: 'validating_files',
  Queued: 'queued',
  Running: 'running',
  Succeeded: 'succeeded',
  Failed: 'failed',
  Cancelled: 'cancelled',
} as const;

/**
 * Training settings of a job: a number, or `"auto"` to let OpenAI choose (the
 * spec's `CreateFineTuningJobRequest.hyperparameters`; go-openai's `Hyperparameters`
 * held only `n_epochs` as `any`).
 *
 * @example
 * const hyperparameters: Hyperparameters = { n_epochs: 3, batch_size: 'auto', learning_rate_multiplier: 0.5 };
 */
export interface Hyperparameters {
  /** Passes over the training data, 1–50, or `"auto"`. */
  n_epochs?: number | 'auto';
  /** Examples per batch, 1–256, or `"auto"`. */
  batch_size?: number | 'auto';
  /** Scales the learning rate, above 0, or `"auto"`. */
  learning_rate_multiplier?: number | 'auto';
  [field: string]: unknown;
}

/**
 * The body of {@link createFineTuningJob} (the spec's CreateFineTuningJobRequest).
 * Fields newer than the spec (`seed`, `integrations`, `method`…) pass through.
 *
 * @example
 * const request: CreateFineTuningJobRequest = { training_file: 'file-abc', model: 'gpt-3.5-turbo', suffix: 'support-bot' };
 */
export interface CreateFineTuningJobRequest {
  /** The id of an uploaded JSONL file with purpose `fine-tune`. */
  training_file: string;
  /** The base model, such as `gpt-3.5-turbo`, `babbage-002` or `davinci-002`. */
  model: string;
  validation_file?: string | null;
  hyperparameters?: Hyperparameters;
  /** Up to 18 characters added to the fine-tuned model's name. */
  suffix?: string | null;
  [field: string]: unknown;
}

/**
 * Why a job failed (the spec's `FineTuningJob.error`). The API sends an empty
 * object, `{}`, for a job that has not failed, so test a field, not the object.
 *
 * @example
 * if (job.error?.message) console.error(job.error.code, job.error.message, job.error.param);
 */
export interface FineTuningJobError {
  /** Set when the job failed. */
  code?: string;
  /** Set when the job failed. */
  message?: string;
  /** Usually `training_file` or `validation_file`; null when the failure is not about one parameter. */
  param?: string | null;
}

/**
 * A fine-tuning job (the spec's FineTuningJob, object `fine_tuning.job`).
 *
 * @example
 * const job: FineTuningJob = await retrieveFineTuningJob(client, { fine_tuning_job_id: 'ftjob-abc' });
 * console.log(job.status, job.trained_tokens);
 */
export interface FineTuningJob {
  id: string;
  object: OpenString<'fine_tuning.job'>;
  /** Unix seconds. */
  created_at: number;
  /** Set when the job failed. */
  error: FineTuningJobError | null;
  /** The resulting model; null while the job runs. */
  fine_tuned_model: string | null;
  /** Unix seconds; null while the job runs. */
  finished_at: number | null;
  hyperparameters: Hyperparameters;
  model: string;
  organization_id: string;
  /** File ids of the compiled results. */
  result_files: string[];
  status: FineTuningJobStatus;
  /** Billable tokens processed; null while the job runs. */
  trained_tokens: number | null;
  training_file: string;
  validation_file: string | null;
  [field: string]: unknown;
}

/**
 * Severity of a fine-tuning job event.
 *
 * @example
 * const level: FineTuningJobEventLevel = 'warn';
 */
export type FineTuningJobEventLevel = OpenString<'info' | 'warn' | 'error'>;

/**
 * One event of a fine-tuning job (the spec's FineTuningJobEvent, object
 * `fine_tuning.job.event`). go-openai decoded these into the legacy
 * FineTuneEvent and so lost `id`, `type` and `data`; all are kept here.
 *
 * @example
 * for await (const event of await listFineTuningEvents(client, { fine_tuning_job_id: 'ftjob-abc' })) {
 *   if (event.type === 'metrics') console.log(event.data);
 * }
 */
export interface FineTuningJobEvent {
  id: string;
  object: OpenString<'fine_tuning.job.event'>;
  /** Unix seconds. */
  created_at: number;
  level: FineTuningJobEventLevel;
  message: string;
  /** `message` for log lines, `metrics` for training metrics in `data` (newer API). */
  type?: OpenString<'message' | 'metrics'>;
  /** Event details, such as `{ step, train_loss, train_mean_token_accuracy }` for metrics. */
  data?: Record<string, unknown> | null;
  [field: string]: unknown;
}

/**
 * Parameters of {@link listFineTuningJobs}.
 *
 * @example
 * const params: ListFineTuningJobsParams = { limit: 10 };
 */
export type ListFineTuningJobsParams = Pick<CursorQuery, 'after' | 'limit'>;

/**
 * Parameters of the calls that address one fine-tuning job.
 *
 * @example
 * const params: FineTuningJobParams = { fine_tuning_job_id: 'ftjob-abc' };
 */
export interface FineTuningJobParams {
  fine_tuning_job_id: string;
}

/**
 * Parameters of {@link listFineTuningEvents}: the job, and the cursor query.
 *
 * @example
 * const params: ListFineTuningEventsParams = { fine_tuning_job_id: 'ftjob-abc', limit: 50 };
 */
export type ListFineTuningEventsParams = FineTuningJobParams & Pick<CursorQuery, 'after' | 'limit'>;

/**
 * Hyperparameters of a legacy fine-tune (go-openai's `FineTuneHyperParams`).
 *
 * @deprecated The `/fine-tunes` API was shut down on 2024-01-04; use fine-tuning jobs.
 * @example
 * const epochs = fineTune.hyperparams.n_epochs;
 */
export interface FineTuneHyperParams {
  batch_size: number;
  learning_rate_multiplier: number;
  n_epochs: number;
  prompt_loss_weight: number;
  [field: string]: unknown;
}

/**
 * The body of the legacy {@link createFineTune} (go-openai's `FineTuneRequest`).
 *
 * @deprecated The `/fine-tunes` API was shut down on 2024-01-04; use {@link CreateFineTuningJobRequest}.
 * @example
 * const request: FineTuneRequest = { training_file: 'file-abc', model: 'davinci', n_epochs: 4 };
 */
export interface FineTuneRequest {
  training_file: string;
  validation_file?: string;
  model?: string;
  n_epochs?: number;
  batch_size?: number;
  learning_rate_multiplier?: number;
  prompt_loss_rate?: number;
  compute_classification_metrics?: boolean;
  classification_n_classes?: number;
  classification_positive_class?: string;
  classification_betas?: number[];
  suffix?: string;
  [field: string]: unknown;
}

/**
 * An event of a legacy fine-tune (go-openai's `FineTuneEvent`).
 *
 * @deprecated The `/fine-tunes` API was shut down on 2024-01-04; see {@link FineTuningJobEvent}.
 * @example
 * console.log(event.level, event.message);
 */
export interface FineTuneEvent {
  object: string;
  created_at: number;
  level: string;
  message: string;
  [field: string]: unknown;
}

/**
 * A legacy fine-tune (go-openai's `FineTune`).
 *
 * @deprecated The `/fine-tunes` API was shut down on 2024-01-04; see {@link FineTuningJob}.
 * @example
 * console.log(fineTune.status, fineTune.fine_tuned_model);
 */
export interface FineTune {
  id: string;
  object: string;
  model: string;
  created_at: number;
  events?: FineTuneEvent[];
  fine_tuned_model: string | null;
  hyperparams: FineTuneHyperParams;
  organization_id: string;
  result_files: OpenAIFile[];
  status: string;
  validation_files: OpenAIFile[];
  training_files: OpenAIFile[];
  updated_at: number;
  [field: string]: unknown;
}

/**
 * The answer of the legacy {@link listFineTunes} (go-openai's `FineTuneList`): one unpaginated list.
 *
 * @deprecated The `/fine-tunes` API was shut down on 2024-01-04.
 * @example
 * for (const fineTune of (await listFineTunes(client)).data) console.log(fineTune.id);
 */
export interface FineTuneList {
  object: string;
  data: FineTune[];
  [field: string]: unknown;
}

/**
 * The answer of the legacy {@link listFineTuneEvents} (go-openai's `FineTuneEventList`).
 *
 * @deprecated The `/fine-tunes` API was shut down on 2024-01-04.
 * @example
 * for (const event of (await listFineTuneEvents(client, { fine_tune_id: 'ft-abc' })).data) console.log(event.message);
 */
export interface FineTuneEventList {
  object: string;
  data: FineTuneEvent[];
  [field: string]: unknown;
}

/**
 * The answer of the legacy {@link deleteFineTune} (go-openai's `FineTuneDeleteResponse`).
 *
 * @deprecated The `/fine-tunes` API was shut down on 2024-01-04.
 * @example
 * const { deleted } = await deleteFineTune(client, { fine_tune_id: 'ft-abc' });
 */
export interface FineTuneDeleteResponse {
  id: string;
  object: string;
  deleted: boolean;
  [field: string]: unknown;
}

/**
 * Parameters of the legacy calls that address one fine-tune.
 *
 * @deprecated The `/fine-tunes` API was shut down on 2024-01-04.
 * @example
 * const params: FineTuneParams = { fine_tune_id: 'ft-abc' };
 */
export interface FineTuneParams {
  fine_tune_id: string;
}
