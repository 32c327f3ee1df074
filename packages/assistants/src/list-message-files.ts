import { type Client, type Page, pathFor, type RequestOptions, requestPage } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { ListQuery, MessageFile, MessageParams } from './types.js';

/**
 * Parameters of {@link listMessageFiles}: the path ids and the query.
 *
 * @example
 * const params: ListMessageFilesParams = { thread_id: 'thread_abc', message_id: 'msg_abc' };
 */
export type ListMessageFilesParams = MessageParams & ListQuery;

/**
 * Lists the files of a message (go-openai `ListMessageFiles`, which took no
 * query and dropped the cursor fields). Auto-paginating; Assistants v1.
 *
 * @example
 * for await (const file of await listMessageFiles(client, { thread_id: 'thread_abc', message_id: 'msg_abc' })) console.log(file.id);
 */
export async function listMessageFiles(client: Client, params: ListMessageFilesParams, options?: RequestOptions): Promise<Page<MessageFile>> {
  const { thread_id, message_id, ...query } = params;
  return requestPage<MessageFile>(client, { method: 'GET', path: pathFor('/threads/{thread_id}/messages/{message_id}/files', { thread_id, message_id }), query, headers: assistantsBetaHeaders }, options);
}
