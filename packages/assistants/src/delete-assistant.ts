import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { AssistantDeleted, AssistantParams } from './types.js';

/**
 * Deletes an assistant (go-openai `DeleteAssistant`).
 *
 * @example
 * const { deleted } = await deleteAssistant(client, { assistant_id: 'asst_abc' });
 */
export async function deleteAssistant(client: Client, params: AssistantParams, options?: RequestOptions<AssistantDeleted>): Promise<AssistantDeleted> {
  return request<AssistantDeleted>(client, { method: 'DELETE', path: pathFor('/assistants/{assistant_id}', params), headers: assistantsBetaHeaders }, options);
}
