/**
 * valibot schemas of the models responses, for core's opt-in `schema` call
 * option (`@openai-micro/models/schemas`). Each schema is built on the first
 * call of its function and kept: importing this module builds nothing, and
 * the main entry never imports it, so apps that do not validate carry no
 * valibot. Objects are loose: the API adds fields.
 */
import * as v from 'valibot';
import type { DeleteModelResponse, Engine, ListEnginesResponse, ListModelsResponse, Model } from './types.js';

let model: v.GenericSchema<unknown, Model> | undefined;
let modelList: v.GenericSchema<unknown, ListModelsResponse> | undefined;
let modelDeleted: v.GenericSchema<unknown, DeleteModelResponse> | undefined;
let engine: v.GenericSchema<unknown, Engine> | undefined;
let engineList: v.GenericSchema<unknown, ListEnginesResponse> | undefined;

/**
 * The schema of a model (the spec's Model), built on the first call.
 *
 * @example
 * import { retrieveModel } from '@openai-micro/models';
 * import { createModelSchema } from '@openai-micro/models/schemas';
 *
 * const model = await retrieveModel(client, { model: 'gpt-4o-mini' }, { schema: createModelSchema() });
 */
export function createModelSchema(): v.GenericSchema<unknown, Model> {
  model ??= v.looseObject({
    id: v.string(),
    object: v.literal('model'),
    created: v.number(),
    owned_by: v.string(),
    // Older answers listed permissions.
    permission: v.optional(
      v.array(
        v.looseObject({
          id: v.string(),
          object: v.string(),
          created: v.number(),
          allow_create_engine: v.boolean(),
          allow_sampling: v.boolean(),
          allow_logprobs: v.boolean(),
          allow_search_indices: v.boolean(),
          allow_view: v.boolean(),
          allow_fine_tuning: v.boolean(),
          organization: v.string(),
          group: v.unknown(),
          is_blocking: v.boolean(),
        }),
      ),
    ),
    root: v.optional(v.string()),
    parent: v.nullish(v.string()),
  });
  return model;
}

/**
 * The schema of the model list (the spec's ListModelsResponse), built on the first call.
 *
 * @example
 * import { listModels } from '@openai-micro/models';
 * import { createListModelsResponseSchema } from '@openai-micro/models/schemas';
 *
 * const { data } = await listModels(client, { schema: createListModelsResponseSchema() });
 */
export function createListModelsResponseSchema(): v.GenericSchema<unknown, ListModelsResponse> {
  modelList ??= v.looseObject({ object: v.literal('list'), data: v.array(createModelSchema()) });
  return modelList;
}

/**
 * The schema of the answer to deleting a fine-tuned model (the spec's DeleteModelResponse), built on the first call.
 *
 * @example
 * import { deleteModel } from '@openai-micro/models';
 * import { createDeleteModelResponseSchema } from '@openai-micro/models/schemas';
 *
 * const { deleted } = await deleteModel(client, { model: 'ft:gpt-4o-mini:acme::abc123' }, { schema: createDeleteModelResponseSchema() });
 */
export function createDeleteModelResponseSchema(): v.GenericSchema<unknown, DeleteModelResponse> {
  modelDeleted ??= v.looseObject({ id: v.string(), object: v.string(), deleted: v.boolean() });
  return modelDeleted;
}

/**
 * The schema of an engine (the deprecated engines API's Engine), built on the first call.
 *
 * @example
 * import { retrieveEngine } from '@openai-micro/models';
 * import { createEngineSchema } from '@openai-micro/models/schemas';
 *
 * const engine = await retrieveEngine(client, { engine_id: 'davinci-002' }, { schema: createEngineSchema() });
 */
export function createEngineSchema(): v.GenericSchema<unknown, Engine> {
  engine ??= v.looseObject({ id: v.string(), object: v.literal('engine'), owner: v.string(), ready: v.boolean(), created: v.nullish(v.number()) });
  return engine;
}

/**
 * The schema of the engine list (the deprecated engines API's ListEnginesResponse), built on the first call.
 *
 * @example
 * import { listEngines } from '@openai-micro/models';
 * import { createListEnginesResponseSchema } from '@openai-micro/models/schemas';
 *
 * const { data } = await listEngines(client, { schema: createListEnginesResponseSchema() });
 */
export function createListEnginesResponseSchema(): v.GenericSchema<unknown, ListEnginesResponse> {
  engineList ??= v.looseObject({ object: v.literal('list'), data: v.array(createEngineSchema()) });
  return engineList;
}
