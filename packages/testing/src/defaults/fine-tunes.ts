import { jsonReply } from '../replies';
import type { JsonObject } from '../state';
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

type FineTune = JsonObject & { id: string; status: string; events: JsonObject[] };

/**
 * `POST /v1/fine-tunes` (legacy, deprecated): a `pending` fine-tune; each
 * retrieve moves it on to `running`, then `succeeded`.
 *
 * @example
 * routes.push({ route: 'POST /v1/fine-tunes', operation: createFineTune });
 */
export const createFineTune: Operation = (context) => {
  const body = jsonBody(context);
  const trainingFile = requireString(body, 'training_file');
  const validationFile = optionalString(body, 'validation_file');
  const created = unixSeconds(context);
  const fineTune: FineTune = {
    id: context.newId('ft-'),
    object: 'fine-tune',
    model: optionalString(body, 'model') ?? 'curie',
    created_at: created,
    updated_at: created,
    events: [],
    fine_tuned_model: null,
    hyperparams: {
      batch_size: body.batch_size ?? null,
      learning_rate_multiplier: body.learning_rate_multiplier ?? null,
      n_epochs: body.n_epochs ?? 4,
      prompt_loss_weight: body.prompt_loss_weight ?? 0.01,
    },
    organization_id: 'org-openai-micro',
    result_files: [],
    status: 'pending',
    validation_files: validationFile ? [fileReference(context, validationFile)] : [],
    training_files: [fileReference(context, trainingFile)],
  };
  addEvent(context, fineTune, `Created fine-tune: ${fineTune.id}`);
  context.store.fineTunes.set(fineTune.id, fineTune);
  return objectReply(fineTune);
};

/**
 * `GET /v1/fine-tunes` (legacy).
 *
 * @example
 * routes.push({ route: 'GET /v1/fine-tunes', operation: listFineTunes });
 */
export const listFineTunes: Operation = (context) =>
  objectReply({ object: 'list', data: [...context.store.fineTunes.values()] });

/**
 * `GET /v1/fine-tunes/{fine_tune_id}` (legacy): moves it one state on, then answers it.
 *
 * @example
 * routes.push({ route: 'GET /v1/fine-tunes/{fine_tune_id}', operation: retrieveFineTune });
 */
export const retrieveFineTune: Operation = (context) => {
  const fineTune = findFineTune(context);
  if (fineTune.status === 'pending') {
    fineTune.status = 'running';
    addEvent(context, fineTune, 'Fine-tune started');
  } else if (fineTune.status === 'running') {
    fineTune.status = 'succeeded';
    fineTune.fine_tuned_model = `${fineTune.model}:ft-openai-micro-${fineTune.id.slice('ft-'.length)}`;
    addEvent(context, fineTune, 'Fine-tune succeeded');
  }
  return objectReply(fineTune);
};

/**
 * `POST /v1/fine-tunes/{fine_tune_id}/cancel` (legacy).
 *
 * @example
 * routes.push({ route: 'POST /v1/fine-tunes/{fine_tune_id}/cancel', operation: cancelFineTune });
 */
export const cancelFineTune: Operation = (context) => {
  const fineTune = findFineTune(context);
  if (fineTune.status === 'pending' || fineTune.status === 'running') {
    fineTune.status = 'cancelled';
    addEvent(context, fineTune, 'Fine-tune cancelled');
  }
  return objectReply(fineTune);
};

/**
 * `GET /v1/fine-tunes/{fine_tune_id}/events` (legacy).
 *
 * @example
 * routes.push({ route: 'GET /v1/fine-tunes/{fine_tune_id}/events', operation: listFineTuneEvents });
 */
export const listFineTuneEvents: Operation = (context) =>
  objectReply({ object: 'list', data: findFineTune(context).events });

/**
 * `DELETE /v1/fine-tunes/{fine_tune_id}` (legacy).
 *
 * @example
 * routes.push({ route: 'DELETE /v1/fine-tunes/{fine_tune_id}', operation: deleteFineTune });
 */
export const deleteFineTune: Operation = (context) => {
  const fineTune = findFineTune(context);
  context.store.fineTunes.delete(fineTune.id);
  return jsonReply({ id: fineTune.id, object: 'fine-tune', deleted: true });
};

function findFineTune(context: OperationContext): FineTune {
  return mustFind(context.store.fineTunes, context.params.fine_tune_id!, 'fine-tune');
}

function fileReference(context: OperationContext, id: string): object {
  return context.store.files.get(id)?.file ?? { id, object: 'file' };
}

function addEvent(context: OperationContext, fineTune: FineTune, message: string) {
  fineTune.events.push({ object: 'fine-tune-event', created_at: unixSeconds(context), level: 'info', message });
  fineTune.updated_at = unixSeconds(context);
}
