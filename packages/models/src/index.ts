export { type DeleteModelParams, deleteModel } from './delete-model.js';
export { listEngines } from './list-engines.js';
export { listModels } from './list-models.js';
export { type RetrieveEngineParams, retrieveEngine } from './retrieve-engine.js';
export { type RetrieveModelParams, retrieveModel } from './retrieve-model.js';
export type { DeleteModelResponse, Engine, ListEnginesResponse, ListModelsResponse, Model, ModelPermission } from './types.js';
