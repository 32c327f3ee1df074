import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { Assistant, AssistantParams, ModifyAssistantRequest } from './types.js';

/**
 * Parameters of {@link modifyAssistant}: the path ids and the body fields.
 *
 * @example
 * const params: ModifyAssistantParams = { assistant_id: 'asst_abc', name: 'Renamed' };
 */
export type ModifyAssistantParams = AssistantParams & ModifyAssistantRequest;

/**
 * Modifies an assistant (go-openai `ModifyAssistant`). Only the fields set are
 * sent: leaving `tools` out keeps the assistant's tools, `tools: []` removes
 * them all, a list replaces them.
 *
 * @example
 * await modifyAssistant(client, { assistant_id: 'asst_abc', instructions: 'Be brief.' }); // tools unchanged
 * await modifyAssistant(client, { assistant_id: 'asst_abc', tools: [] }); // tools removed
 */
export async function modifyAssistant(client: Client, params: ModifyAssistantParams, options?: RequestOptions<Assistant>): Promise<Assistant> {
  const { assistant_id, ...body } = params;
  return request<Assistant>(client, { method: 'POST', path: pathFor('/assistants/{assistant_id}', { assistant_id }), body, model: params.model ?? undefined, headers: assistantsBetaHeaders }, options);
}
