import { type Client, type RequestOptions, request } from '@openai-micro/core';
import type { FineTuneList } from './types.js';

/**
 * Lists legacy fine-tunes (go-openai `ListFineTunes`, GET /fine-tunes), as one unpaginated list.
 *
 * @deprecated OpenAI shut the `/fine-tunes` API down on 2024-01-04; use {@link listFineTuningJobs}.
 * @example
 * const { data } = await listFineTunes(client);
 * const again = await listFineTunes(client, {}, { timeout: 10_000 });
 */
export async function listFineTunes(client: Client, _params: Record<string, never> = {}, options?: RequestOptions<FineTuneList>): Promise<FineTuneList> {
  return request<FineTuneList>(client, { method: 'GET', path: '/fine-tunes' }, options);
}
