import { type Client, type RequestOptions, request } from '@openai-micro/core';
import type { FineTune, FineTuneRequest } from './types.js';

/**
 * Creates a legacy fine-tune (go-openai `CreateFineTune`, POST /fine-tunes).
 *
 * @deprecated OpenAI shut the `/fine-tunes` API down on 2024-01-04; use {@link createFineTuningJob}.
 * Kept for compatible servers that still speak it.
 * @example
 * const fineTune = await createFineTune(client, { training_file: 'file-abc', model: 'davinci' });
 */
export async function createFineTune(client: Client, params: FineTuneRequest, options?: RequestOptions<FineTune>): Promise<FineTune> {
  return request<FineTune>(client, { method: 'POST', path: '/fine-tunes', body: { ...params } }, options);
}
