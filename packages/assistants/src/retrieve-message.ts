import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { Message, MessageParams } from './types.js';

/**
 * Retrieves a message (go-openai `RetrieveMessage`; the spec's `getMessage`).
 *
 * @example
 * const message = await retrieveMessage(client, { thread_id: 'thread_abc', message_id: 'msg_abc' });
 */
export async function retrieveMessage(client: Client, params: MessageParams, options?: RequestOptions<Message>): Promise<Message> {
  return request<Message>(client, { method: 'GET', path: pathFor('/threads/{thread_id}/messages/{message_id}', params), headers: assistantsBetaHeaders }, options);
}
