import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { Message, MessageParams, ModifyMessageRequest } from './types.js';

/**
 * Parameters of {@link modifyMessage}: the path ids and the body fields.
 *
 * @example
 * const params: ModifyMessageParams = { thread_id: 'thread_abc', message_id: 'msg_abc', metadata: { flagged: 'no' } };
 */
export type ModifyMessageParams = MessageParams & ModifyMessageRequest;

/**
 * Modifies a message's metadata (go-openai `ModifyMessage`). The body is
 * `{ "metadata": … }` as the API expects; go-openai v1.20 sent the bare map (fixed in v1.21).
 *
 * @example
 * const message = await modifyMessage(client, { thread_id: 'thread_abc', message_id: 'msg_abc', metadata: { flagged: 'no' } });
 */
export async function modifyMessage(client: Client, params: ModifyMessageParams, options?: RequestOptions<Message>): Promise<Message> {
  const { thread_id, message_id, ...body } = params;
  return request<Message>(client, { method: 'POST', path: pathFor('/threads/{thread_id}/messages/{message_id}', { thread_id, message_id }), body, headers: assistantsBetaHeaders }, options);
}
