import { type Client, pathFor, type RequestOptions, request } from '@openai-micro/core';
import type { FineTune, FineTuneParams } from './types.js';

/**
 * Retrieves a legacy fine-tune (go-openai `GetFineTune`, GET /fine-tunes/{fine_tune_id}).
 *
 * @deprecated OpenAI shut the `/fine-tunes` API down on 2024-01-04; use {@link retrieveFineTuningJob}.
 * @example
 * const fineTune = await retrieveFineTune(client, { fine_tune_id: 'ft-abc' });
 */
export async function retrieveFineTune(client: Client, params: FineTuneParams, options?: RequestOptions<FineTune>): Promise<FineTune> {
  return request<FineTune>(client, { method: 'GET', path: pathFor('/fine-tunes/{fine_tune_id}', params) }, options);
}
