import { type Client, pathFor, type RequestOptions, request } from '@openai-micro/core';
import type { FineTune, FineTuneParams } from './types.js';

/**
 * Cancels a legacy fine-tune (go-openai `CancelFineTune`, POST /fine-tunes/{fine_tune_id}/cancel).
 *
 * @deprecated OpenAI shut the `/fine-tunes` API down on 2024-01-04; use {@link cancelFineTuningJob}.
 * @example
 * const fineTune = await cancelFineTune(client, { fine_tune_id: 'ft-abc' });
 */
export async function cancelFineTune(client: Client, params: FineTuneParams, options?: RequestOptions<FineTune>): Promise<FineTune> {
  return request<FineTune>(client, { method: 'POST', path: pathFor('/fine-tunes/{fine_tune_id}/cancel', params) }, options);
}
