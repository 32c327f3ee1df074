import { Buffer } from 'node:buffer';
import { invalidRequest } from '../operation-errors';
import { afterCursorPage } from '../pagination';
import type { FineTuningJobState, JsonObject } from '../state';
import {
  jsonBody,
  mustFind,
  type Operation,
  type OperationContext,
  objectReply,
  optionalString,
  requireString,
  unixSeconds,
} from './context';
import { storeFile } from './files';

/**
 * `POST /v1/fine_tuning/jobs`: a job in `validating_files`. Each retrieve moves
 * it one state on: `queued`, `running`, then `succeeded` with a fine-tuned
 * model (added to the model list) and a results file.
 *
 * @example
 * routes.push({ route: 'POST /v1/fine_tuning/jobs', operation: createFineTuningJob });
 */
export const createFineTuningJob: Operation = (context) => {
  const body = jsonBody(context);
  const model = requireString(body, 'model');
  const training_file = requireString(body, 'training_file');
  const suffix = optionalString(body, 'suffix');
  if (suffix !== undefined && suffix.length > 40) throw invalidRequest('suffix must be at most 40 characters', 'suffix');
  const hyperparameters = (body.hyperparameters as JsonObject | undefined) ?? {};
  const state: FineTuningJobState = {
    job: {
      object: 'fine_tuning.job',
      id: context.newId('ftjob-'),
      model,
      created_at: unixSeconds(context),
      finished_at: null,
      fine_tuned_model: null,
      organization_id: 'org-openai-micro',
      result_files: [],
      status: 'validating_files',
      validation_file: optionalString(body, 'validation_file') ?? null,
      training_file,
      hyperparameters: { n_epochs: hyperparameters.n_epochs ?? 'auto' },
      trained_tokens: null,
      error: null,
      user_provided_suffix: suffix ?? null,
    },
    events: [],
  };
  addEvent(context, state, `Created fine-tuning job: ${state.job.id}`);
  context.store.fineTuningJobs.set(state.job.id, state);
  return objectReply(state.job);
};

/**
 * `GET /v1/fine_tuning/jobs?after=&limit=`: newest first, `has_more` paging.
 *
 * @example
 * routes.push({ route: 'GET /v1/fine_tuning/jobs', operation: listFineTuningJobs });
 */
export const listFineTuningJobs: Operation = (context) =>
  objectReply(afterCursorPage([...context.store.fineTuningJobs.values()].map((state) => state.job), context.request.query));

/**
 * `GET /v1/fine_tuning/jobs/{fine_tuning_job_id}`: moves the job one state on, then answers it.
 *
 * @example
 * routes.push({ route: 'GET /v1/fine_tuning/jobs/{fine_tuning_job_id}', operation: retrieveFineTuningJob });
 */
export const retrieveFineTuningJob: Operation = (context) => {
  const state = findJob(context);
  advanceJob(context, state);
  return objectReply(state.job);
};

/**
 * `POST /v1/fine_tuning/jobs/{fine_tuning_job_id}/cancel`.
 *
 * @example
 * routes.push({ route: 'POST /v1/fine_tuning/jobs/{fine_tuning_job_id}/cancel', operation: cancelFineTuningJob });
 */
export const cancelFineTuningJob: Operation = (context) => {
  const state = findJob(context);
  if (['succeeded', 'failed', 'cancelled'].includes(state.job.status)) {
    throw invalidRequest(`Job ${state.job.id} has already ${state.job.status === 'cancelled' ? 'been cancelled' : 'completed'}.`);
  }
  state.job.status = 'cancelled';
  state.job.finished_at = unixSeconds(context);
  addEvent(context, state, 'Fine-tuning job cancelled');
  return objectReply(state.job);
};

/**
 * `GET /v1/fine_tuning/jobs/{fine_tuning_job_id}/events?after=&limit=`: newest first.
 *
 * @example
 * routes.push({ route: 'GET /v1/fine_tuning/jobs/{fine_tuning_job_id}/events', operation: listFineTuningEvents });
 */
export const listFineTuningEvents: Operation = (context) =>
  objectReply(afterCursorPage(findJob(context).events, context.request.query));

function findJob(context: OperationContext): FineTuningJobState {
  return mustFind(context.store.fineTuningJobs, context.params.fine_tuning_job_id!, 'fine-tuning job');
}

function advanceJob(context: OperationContext, state: FineTuningJobState) {
  const { job } = state;
  switch (job.status) {
    case 'validating_files':
      job.status = 'queued';
      addEvent(context, state, 'Files validated, moving job to queued state');
      return;
    case 'queued':
      job.status = 'running';
      addEvent(context, state, 'Fine-tuning job started');
      return;
    case 'running': {
      const suffix = typeof job.user_provided_suffix === 'string' ? job.user_provided_suffix : '';
      const fineTunedModel = `ft:${job.model}:openai-micro:${suffix}:${job.id.slice('ftjob-'.length)}`;
      const results = storeFile(context, 'step_metrics.csv', 'fine-tune-results', Buffer.from('step,train_loss\n1,0.5\n'), 'text/csv');
      job.status = 'succeeded';
      job.finished_at = unixSeconds(context);
      job.fine_tuned_model = fineTunedModel;
      job.trained_tokens = 1000;
      job.result_files = [results.id];
      context.store.models.set(fineTunedModel, {
        id: fineTunedModel,
        object: 'model',
        created: unixSeconds(context),
        owned_by: 'user-openai-micro',
      });
      addEvent(context, state, 'The job has successfully completed');
      return;
    }
  }
}

function addEvent(context: OperationContext, state: FineTuningJobState, message: string) {
  state.events.push({
    object: 'fine_tuning.job.event',
    id: context.newId('ftevent-'),
    created_at: unixSeconds(context),
    level: 'info',
    message,
    data: {},
    type: 'message',
  });
}
