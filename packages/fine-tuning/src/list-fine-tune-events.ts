import { type Client, pathFor, type RequestOptions, request } from '@openai-micro/core';
import type { FineTuneEventList, FineTuneParams } from './types.js';

/**
 * Lists a legacy fine-tune's events (go-openai `ListFineTuneEvents`, GET /fine-tunes/{fine_tune_id}/events).
 *
 * @deprecated OpenAI shut the `/fine-tunes` API down on 2024-01-04; use {@link listFineTuningEvents}.
 * @example
 * const { data } = await listFineTuneEvents(client, { fine_tune_id: 'ft-abc' });
 */
export async function listFineTuneEvents(client: Client, params: FineTuneParams, options?: RequestOptions<FineTuneEventList>): Promise<FineTuneEventList> {
  return request<FineTuneEventList>(client, { method: 'GET', path: pathFor('/fine-tunes/{fine_tune_id}/events', params) }, options);
}
