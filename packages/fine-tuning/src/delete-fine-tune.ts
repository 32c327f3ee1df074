import { type Client, pathFor, type RequestOptions, request } from '@openai-micro/core';
import type { FineTuneDeleteResponse, FineTuneParams } from './types.js';

/**
 * Deletes a legacy fine-tune (go-openai `DeleteFineTune`, DELETE /fine-tunes/{fine_tune_id}).
 *
 * @deprecated OpenAI shut the `/fine-tunes` API down on 2024-01-04; delete the fine-tuned model with `deleteModel` instead.
 * @example
 * const { deleted } = await deleteFineTune(client, { fine_tune_id: 'ft-abc' });
 */
export async function deleteFineTune(client: Client, params: FineTuneParams, options?: RequestOptions<FineTuneDeleteResponse>): Promise<FineTuneDeleteResponse> {
  return request<FineTuneDeleteResponse>(client, { method: 'DELETE', path: pathFor('/fine-tunes/{fine_tune_id}', params) }, options);
}
