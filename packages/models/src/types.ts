/**
 * Types of the models and engines endpoints, named after the spec's schemas
 * (Model, ListModelsResponse, DeleteModelResponse) and go-openai's Engine.
 */

/**
 * A model permission, as older API versions and some compatible servers send it (go-openai `Permission`).
 *
 * @example
 * const canFineTune = (model.permission ?? []).some((permission: ModelPermission) => permission.allow_fine_tuning);
 */
export interface ModelPermission {
  id: string;
  object: string;
  created: number;
  allow_create_engine: boolean;
  allow_sampling: boolean;
  allow_logprobs: boolean;
  allow_search_indices: boolean;
  allow_view: boolean;
  allow_fine_tuning: boolean;
  organization: string;
  group: unknown;
  is_blocking: boolean;
  [field: string]: unknown;
}

/**
 * A model the API offers (the spec's Model).
 *
 * @example
 * const model: Model = await retrieveModel(client, { model: 'gpt-4o-mini' });
 * console.log(model.owned_by, new Date(model.created * 1000));
 */
export interface Model {
  id: string;
  object: 'model';
  /** Unix time in seconds. */
  created: number;
  owned_by: string;
  /** Sent by older API versions and some compatible servers only. */
  permission?: ModelPermission[];
  /** Sent by older API versions and some compatible servers only. */
  root?: string;
  /** Sent by older API versions and some compatible servers only. */
  parent?: string | null;
  [field: string]: unknown;
}

/**
 * The answer to {@link listModels} (the spec's ListModelsResponse).
 *
 * @example
 * const { data }: ListModelsResponse = await listModels(client);
 * const mine = data.filter((model) => model.id.startsWith('ft:'));
 */
export interface ListModelsResponse {
  object: 'list';
  data: Model[];
}

/**
 * The answer to {@link deleteModel} (the spec's DeleteModelResponse).
 *
 * @example
 * const { deleted }: DeleteModelResponse = await deleteModel(client, { model: 'ft:gpt-3.5-turbo:my-org:custom:abc123' });
 */
export interface DeleteModelResponse {
  id: string;
  object: string;
  deleted: boolean;
}

/**
 * An engine of the deprecated engines API (go-openai `Engine`).
 *
 * @deprecated Engines were replaced by models; use {@link Model}.
 *
 * @example
 * const engine: Engine = await retrieveEngine(client, { engine_id: 'davinci' });
 * if (!engine.ready) console.warn(`${engine.id} is not ready`);
 */
export interface Engine {
  id: string;
  object: 'engine';
  owner: string;
  ready: boolean;
  /** Unix time in seconds, when sent. */
  created?: number | null;
  [field: string]: unknown;
}

/**
 * The answer to {@link listEngines} (go-openai `EnginesList`).
 *
 * @deprecated Engines were replaced by models; use {@link ListModelsResponse}.
 *
 * @example
 * const { data }: ListEnginesResponse = await listEngines(client);
 */
export interface ListEnginesResponse {
  object: 'list';
  data: Engine[];
}
