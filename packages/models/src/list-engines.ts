import { type Client, type RequestOptions, request } from '@openai-micro/core';
import type { ListEnginesResponse } from './types.js';

/**
 * Lists engines (go-openai `ListEngines`), with their owners and readiness.
 *
 * @deprecated OpenAI replaced engines with models and no longer serves
 * `/engines`; use {@link listModels}. Kept for go-openai parity and for
 * compatible servers that still answer it.
 *
 * @example
 * const { data } = await listEngines(client);
 */
export async function listEngines(client: Client, options?: RequestOptions<ListEnginesResponse>): Promise<ListEnginesResponse> {
  return request<ListEnginesResponse>(client, { method: 'GET', path: '/engines' }, options);
}
