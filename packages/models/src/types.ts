/**
 * Types of the models and engines endpoints, named after the spec's schemas
 * (Model, ListModelsResponse, DeleteModelResponse) and go-openai's Engine.
 */

/** A model permission, as older API versions and some compatible servers send it (go-openai `Permission`). */
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

/** A model the API offers (the spec's Model). */
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

/** The answer to {@link listModels} (the spec's ListModelsResponse). */
export interface ListModelsResponse {
  object: 'list';
  data: Model[];
}

/** The answer to {@link deleteModel} (the spec's DeleteModelResponse). */
export interface DeleteModelResponse {
  id: string;
  object: string;
  deleted: boolean;
}

/**
 * An engine of the deprecated engines API (go-openai `Engine`).
 *
 * @deprecated Engines were replaced by models; use {@link Model}.
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
 */
export interface ListEnginesResponse {
  object: 'list';
  data: Engine[];
}
