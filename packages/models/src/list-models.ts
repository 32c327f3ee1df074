import { type Client, type RequestOptions, request } from '@openai-micro/core';
import type { ListModelsResponse } from './types.js';

/**
 * Lists the models available to your key, with their owners (go-openai
 * `ListModels`). On Azure it lists the resource's models
 * (`{endpoint}/openai/models`), not a deployment's.
 *
 * @example
 * import { createClient } from '@openai-micro/core';
 * import { listModels } from '@openai-micro/models';
 *
 * const client = createClient({ apiKey: process.env.OPENAI_API_KEY });
 * const { data } = await listModels(client);
 * console.log(data.map((model) => model.id));
 */
export async function listModels(client: Client, options?: RequestOptions<ListModelsResponse>): Promise<ListModelsResponse> {
  return request<ListModelsResponse>(client, { method: 'GET', path: '/models' }, options);
}
