import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { Assistant, AssistantParams } from './types.js';

/**
 * Retrieves an assistant (go-openai `RetrieveAssistant`; the spec's `getAssistant`).
 *
 * @example
 * const assistant = await retrieveAssistant(client, { assistant_id: 'asst_abc' });
 */
export async function retrieveAssistant(client: Client, params: AssistantParams, options?: RequestOptions<Assistant>): Promise<Assistant> {
  return request<Assistant>(client, { method: 'GET', path: pathFor('/assistants/{assistant_id}', params), headers: assistantsBetaHeaders }, options);
}
