export { checkCompletionModel } from './check-completion-model.js';
export { type CreateCompletionParams, createCompletion } from './create-completion.js';
export { type CreateCompletionStreamParams, createCompletionStream } from './create-completion-stream.js';
export { createEdit } from './create-edit.js';
export { CompletionModel } from './models.js';
export type * from './types.js';
