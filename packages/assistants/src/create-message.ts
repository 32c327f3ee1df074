import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { CreateMessageRequest, Message, ThreadParams } from './types.js';

/**
 * Parameters of {@link createMessage}: the path ids and the body fields.
 *
 * @example
 * const params: CreateMessageParams = { thread_id: 'thread_abc', role: 'user', content: 'Hello' };
 */
export type CreateMessageParams = ThreadParams & CreateMessageRequest;

/**
 * Adds a message to a thread (go-openai `CreateMessage`).
 *
 * @example
 * const message = await createMessage(client, { thread_id: 'thread_abc', role: 'user', content: 'Solve 3x + 11 = 14', file_ids: ['file-abc'] });
 */
export async function createMessage(client: Client, params: CreateMessageParams, options?: RequestOptions<Message>): Promise<Message> {
  const { thread_id, ...body } = params;
  return request<Message>(client, { method: 'POST', path: pathFor('/threads/{thread_id}/messages', { thread_id }), body, headers: assistantsBetaHeaders }, options);
}
