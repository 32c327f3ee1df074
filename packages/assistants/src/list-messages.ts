import { type Client, type Page, pathFor, type RequestOptions, requestPage } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { ListQuery, Message, ThreadParams } from './types.js';

/**
 * Parameters of {@link listMessages}: the path ids and the query.
 *
 * @example
 * const params: ListMessagesParams = { thread_id: 'thread_abc', order: 'asc' };
 */
export type ListMessagesParams = ThreadParams & ListQuery;

/**
 * Lists the messages of a thread (go-openai `ListMessage`). Auto-paginating;
 * newer query parameters such as v2's `run_id` pass through.
 *
 * @example
 * for await (const message of await listMessages(client, { thread_id: 'thread_abc', order: 'asc' })) console.log(message.role, message.content);
 */
export async function listMessages(client: Client, params: ListMessagesParams, options?: RequestOptions): Promise<Page<Message>> {
  const { thread_id, ...query } = params;
  return requestPage<Message>(client, { method: 'GET', path: pathFor('/threads/{thread_id}/messages', { thread_id }), query, headers: assistantsBetaHeaders }, options);
}
