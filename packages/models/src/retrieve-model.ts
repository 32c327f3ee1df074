import { type Client, pathFor, type RequestOptions, request } from '@openai-micro/core';
import type { Model } from './types.js';

/**
 * Parameters of {@link retrieveModel}: the path parameter `model`, as the API reference names it.
 *
 * @example
 * const params: RetrieveModelParams = { model: 'gpt-4o-mini' };
 */
export interface RetrieveModelParams {
  /** The model id, such as `gpt-4o` or `ft:gpt-3.5-turbo:my-org:custom:abc123`. */
  model: string;
}

/**
 * Retrieves one model (go-openai `GetModel`). The id is sent as one path
 * segment, so fine-tuned ids with `:` work and ids with `/` cannot reach
 * another path; `..` and empty ids are refused before sending.
 *
 * @throws {InputRejectedError} with `field: 'model'` for an empty, `.` or `..` id.
 *
 * @example
 * const model = await retrieveModel(client, { model: 'gpt-4o-mini' });
 * console.log(model.owned_by, new Date(model.created * 1000));
 */
export async function retrieveModel(client: Client, params: RetrieveModelParams, options?: RequestOptions<Model>): Promise<Model> {
  return request<Model>(client, { method: 'GET', path: pathFor('/models/{model}', params) }, options);
}
