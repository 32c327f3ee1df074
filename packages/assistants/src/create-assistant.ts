import { type Client, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { Assistant, CreateAssistantRequest } from './types.js';

/**
 * Creates an assistant (go-openai `CreateAssistant`).
 *
 * @example
 * const assistant = await createAssistant(client, {
 *   model: 'gpt-4-turbo',
 *   name: 'Math tutor',
 *   instructions: 'Write and run code to answer math questions.',
 *   tools: [{ type: 'code_interpreter' }],
 * });
 */
export async function createAssistant(client: Client, params: CreateAssistantRequest, options?: RequestOptions<Assistant>): Promise<Assistant> {
  return request<Assistant>(client, { method: 'POST', path: '/assistants', body: { ...params }, model: params.model ?? undefined, headers: assistantsBetaHeaders }, options);
}
