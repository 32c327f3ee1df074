import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { AssistantFile, AssistantFileParams } from './types.js';

/**
 * Retrieves a file of an assistant (go-openai `RetrieveAssistantFile`; the spec's `getAssistantFile`; Assistants v1).
 *
 * @example
 * const file = await retrieveAssistantFile(client, { assistant_id: 'asst_abc', file_id: 'file-abc' });
 */
export async function retrieveAssistantFile(client: Client, params: AssistantFileParams, options?: RequestOptions<AssistantFile>): Promise<AssistantFile> {
  return request<AssistantFile>(client, { method: 'GET', path: pathFor('/assistants/{assistant_id}/files/{file_id}', params), headers: assistantsBetaHeaders }, options);
}
