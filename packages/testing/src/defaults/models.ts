import { notFound } from '../operation-errors';
import { jsonReply } from '../replies';
import type { JsonObject } from '../state';
import { type Operation, type OperationContext, objectReply } from './context';

/**
 * `GET /v1/models`: the built-in models plus the models fine-tuning jobs made.
 *
 * @example
 * routes.push({ route: 'GET /v1/models', operation: listModels });
 */
export const listModels: Operation = (context) =>
  objectReply({ object: 'list', data: [...context.store.models.values()] });

/**
 * `GET /v1/models/{model}`.
 *
 * @example
 * routes.push({ route: 'GET /v1/models/{model}', operation: retrieveModel });
 */
export const retrieveModel: Operation = (context) => objectReply(findModel(context));

/**
 * `DELETE /v1/models/{model}`: removes the model from this server's list.
 *
 * @example
 * routes.push({ route: 'DELETE /v1/models/{model}', operation: deleteModel });
 */
export const deleteModel: Operation = (context) => {
  const model = findModel(context);
  context.store.models.delete(model.id);
  return jsonReply({ id: model.id, object: 'model', deleted: true });
};

/**
 * `GET /v1/engines` (deprecated): the models, shaped as engines.
 *
 * @example
 * routes.push({ route: 'GET /v1/engines', operation: listEngines });
 */
export const listEngines: Operation = (context) =>
  jsonReply({ object: 'list', data: [...context.store.models.values()].map(asEngine) });

/**
 * `GET /v1/engines/{engine_id}` (deprecated).
 *
 * @example
 * routes.push({ route: 'GET /v1/engines/{engine_id}', operation: retrieveEngine });
 */
export const retrieveEngine: Operation = (context) => {
  const id = context.params.engine_id!;
  const model = context.store.models.get(id);
  if (!model) throw notFound(`No engine with that ID: ${id}`, null, 'engine_not_found');
  return jsonReply(asEngine(model));
};

function findModel(context: OperationContext): JsonObject & { id: string } {
  const id = context.params.model!;
  const model = context.store.models.get(id);
  if (!model) throw notFound(`The model '${id}' does not exist`, 'model', 'model_not_found');
  return model;
}

function asEngine(model: JsonObject & { id: string }) {
  return { id: model.id, object: 'engine', created: model.created, owner: model.owned_by, ready: true };
}
