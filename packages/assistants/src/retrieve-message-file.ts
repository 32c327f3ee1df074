import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { MessageFile, MessageFileParams } from './types.js';

/**
 * Retrieves a file of a message (go-openai `RetrieveMessageFile`; the spec's `getMessageFile`; Assistants v1).
 *
 * @example
 * const file = await retrieveMessageFile(client, { thread_id: 'thread_abc', message_id: 'msg_abc', file_id: 'file-abc' });
 */
export async function retrieveMessageFile(client: Client, params: MessageFileParams, options?: RequestOptions<MessageFile>): Promise<MessageFile> {
  return request<MessageFile>(client, { method: 'GET', path: pathFor('/threads/{thread_id}/messages/{message_id}/files/{file_id}', params), headers: assistantsBetaHeaders }, options);
}
