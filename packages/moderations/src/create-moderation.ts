import { type Client, type RequestOptions, request } from '@openai-micro/core';
import type { CreateModerationRequest, CreateModerationResponse } from './types.js';

/**
 * Parameters of {@link createModeration}: the request body.
 *
 * @example
 * const params: CreateModerationParams = { input: ['first text', 'second text'], model: 'omni-moderation-latest' };
 */
export type CreateModerationParams = CreateModerationRequest;

/**
 * Classifies whether texts (and, with omni models, images) are potentially
 * harmful (go-openai `Moderations`). The body is sent as given; `model` only
 * when you set it. The model is not checked here: call
 * {@link checkModerationModel} first for go-openai's check.
 *
 * @example
 * import { createClient } from '@openai-micro/core';
 * import { createModeration } from '@openai-micro/moderations';
 *
 * const client = createClient({ apiKey: process.env.OPENAI_API_KEY });
 * const { results } = await createModeration(client, { input: ['first text', 'second text'] });
 * for (const result of results) {
 *   if (result.flagged) console.log(result.categories['self-harm/intent'], result.category_scores.violence);
 * }
 */
export async function createModeration(
  client: Client,
  params: CreateModerationParams,
  options?: RequestOptions<CreateModerationResponse>,
): Promise<CreateModerationResponse> {
  return request<CreateModerationResponse>(client, { method: 'POST', path: '/moderations', body: params, model: params.model }, options);
}
