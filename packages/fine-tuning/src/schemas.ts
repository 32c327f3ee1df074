/**
 * valibot schemas of the fine-tuning jobs responses, for core's opt-in
 * `schema` call option (`@openai-micro/fine-tuning/schemas`). Each schema is
 * built on the first call of its function and kept: importing this module
 * builds nothing, and the main entry never imports it, so apps that do not
 * validate carry no valibot. Objects are loose (the API adds fields) and
 * `status`, `level` and `type` are strings (it adds values), as in the types.
 */
import * as v from 'valibot';
import type { FineTuningJob, FineTuningJobEvent } from './types.js';

/**
 * One page of fine-tuning jobs as the API sends it (the spec's ListPaginatedFineTuningJobsResponse).
 *
 * @example
 * const page: ListPaginatedFineTuningJobsResponse = v.parse(createListPaginatedFineTuningJobsResponseSchema(), body);
 */
export interface ListPaginatedFineTuningJobsResponse {
  object: string;
  data: FineTuningJob[];
  has_more: boolean;
}

/**
 * One page of a job's events as the API sends it (the spec's ListFineTuningJobEventsResponse).
 *
 * @example
 * const page: ListFineTuningJobEventsResponse = v.parse(createListFineTuningJobEventsResponseSchema(), body);
 */
export interface ListFineTuningJobEventsResponse {
  object: string;
  data: FineTuningJobEvent[];
  has_more?: boolean;
}

let job: v.GenericSchema<unknown, FineTuningJob> | undefined;
let jobEvent: v.GenericSchema<unknown, FineTuningJobEvent> | undefined;
let jobList: v.GenericSchema<unknown, ListPaginatedFineTuningJobsResponse> | undefined;
let eventList: v.GenericSchema<unknown, ListFineTuningJobEventsResponse> | undefined;

/** A hyperparameter: a number, or `'auto'` for the API to choose. */
function autoOrNumber() {
  return v.optional(v.union([v.number(), v.literal('auto')]));
}

/**
 * The schema of a fine-tuning job (the spec's FineTuningJob), built on the
 * first call. `error` is null, `{}` (what the API sends until a job fails) or
 * the failure's `code`, `message` and `param`.
 *
 * @example
 * import { createFineTuningJob, retrieveFineTuningJob } from '@openai-micro/fine-tuning';
 * import { createFineTuningJobSchema } from '@openai-micro/fine-tuning/schemas';
 *
 * const job = await createFineTuningJob(client, { training_file: 'file-abc', model: 'gpt-4o-mini-2024-07-18' }, { schema: createFineTuningJobSchema() });
 * const latest = await retrieveFineTuningJob(client, { fine_tuning_job_id: job.id }, { schema: createFineTuningJobSchema() });
 */
export function createFineTuningJobSchema(): v.GenericSchema<unknown, FineTuningJob> {
  job ??= v.looseObject({
    id: v.string(),
    object: v.string(),
    created_at: v.number(),
    error: v.nullable(v.looseObject({ code: v.optional(v.string()), message: v.optional(v.string()), param: v.nullish(v.string()) })),
    fine_tuned_model: v.nullable(v.string()),
    finished_at: v.nullable(v.number()),
    hyperparameters: v.looseObject({ n_epochs: autoOrNumber(), batch_size: autoOrNumber(), learning_rate_multiplier: autoOrNumber() }),
    model: v.string(),
    organization_id: v.string(),
    result_files: v.array(v.string()),
    status: v.string(),
    trained_tokens: v.nullable(v.number()),
    training_file: v.string(),
    validation_file: v.nullable(v.string()),
  });
  return job;
}

/**
 * The schema of a fine-tuning job event (the spec's FineTuningJobEvent), built on the first call.
 *
 * @example
 * import * as v from 'valibot';
 * import { createFineTuningJobEventSchema } from '@openai-micro/fine-tuning/schemas';
 *
 * const event = v.parse(createFineTuningJobEventSchema(), JSON.parse(line));
 */
export function createFineTuningJobEventSchema(): v.GenericSchema<unknown, FineTuningJobEvent> {
  jobEvent ??= v.looseObject({
    id: v.string(),
    object: v.string(),
    created_at: v.number(),
    level: v.string(),
    message: v.string(),
    type: v.optional(v.string()),
    data: v.nullish(v.record(v.string(), v.unknown())),
  });
  return jobEvent;
}

/**
 * The schema of one page of fine-tuning jobs (the spec's
 * ListPaginatedFineTuningJobsResponse), built on the first call. Every page of
 * a walk is checked.
 *
 * @example
 * import { listFineTuningJobs } from '@openai-micro/fine-tuning';
 * import { createListPaginatedFineTuningJobsResponseSchema } from '@openai-micro/fine-tuning/schemas';
 *
 * for await (const job of await listFineTuningJobs(client, {}, { schema: createListPaginatedFineTuningJobsResponseSchema() })) console.log(job.status);
 */
export function createListPaginatedFineTuningJobsResponseSchema(): v.GenericSchema<unknown, ListPaginatedFineTuningJobsResponse> {
  jobList ??= v.looseObject({ object: v.string(), data: v.array(createFineTuningJobSchema()), has_more: v.boolean() });
  return jobList;
}

/**
 * The schema of one page of a job's events (the spec's
 * ListFineTuningJobEventsResponse), built on the first call. Every page of a
 * walk is checked.
 *
 * @example
 * import { listFineTuningEvents } from '@openai-micro/fine-tuning';
 * import { createListFineTuningJobEventsResponseSchema } from '@openai-micro/fine-tuning/schemas';
 *
 * const events = await listFineTuningEvents(client, { fine_tuning_job_id: 'ftjob-abc' }, { schema: createListFineTuningJobEventsResponseSchema() });
 */
export function createListFineTuningJobEventsResponseSchema(): v.GenericSchema<unknown, ListFineTuningJobEventsResponse> {
  eventList ??= v.looseObject({ object: v.string(), data: v.array(createFineTuningJobEventSchema()), has_more: v.optional(v.boolean()) });
  return eventList;
}
