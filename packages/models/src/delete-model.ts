import { type Client, pathFor, type RequestOptions, request } from '@openai-micro/core';
import type { DeleteModelResponse } from './types.js';

/**
 * Parameters of {@link deleteModel}: the path parameter `model`, as the API reference names it.
 *
 * @example
 * const params: DeleteModelParams = { model: 'ft:gpt-3.5-turbo:my-org:custom:abc123' };
 */
export interface DeleteModelParams {
  /** The id of a fine-tuned model your organization owns, such as `ft:gpt-3.5-turbo:my-org:custom:abc123`. */
  model: string;
}

/**
 * Deletes a fine-tuned model (go-openai `DeleteFineTuneModel`); you need the
 * Owner role in its organization. The id is sent as one path segment.
 *
 * @throws {InputRejectedError} with `field: 'model'` for an empty, `.` or `..` id.
 *
 * @example
 * const { deleted } = await deleteModel(client, { model: 'ft:gpt-3.5-turbo:my-org:custom:abc123' });
 */
export async function deleteModel(client: Client, params: DeleteModelParams, options?: RequestOptions<DeleteModelResponse>): Promise<DeleteModelResponse> {
  return request<DeleteModelResponse>(client, { method: 'DELETE', path: pathFor('/models/{model}', params) }, options);
}
