import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { DeleteAssistantResponse, AssistantParams } from './types.js';

/**
 * Deletes an assistant (go-openai `DeleteAssistant`).
 *
 * @example
 * const { deleted } = await deleteAssistant(client, { assistant_id: 'asst_abc' });
 */
export async function deleteAssistant(client: Client, params: AssistantParams, options?: RequestOptions<DeleteAssistantResponse>): Promise<DeleteAssistantResponse> {
  return request<DeleteAssistantResponse>(client, { method: 'DELETE', path: pathFor('/assistants/{assistant_id}', params), headers: assistantsBetaHeaders }, options);
}
