import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { AssistantFile, AssistantParams, CreateAssistantFileRequest } from './types.js';

/**
 * Parameters of {@link createAssistantFile}: the path id and the body fields.
 *
 * @example
 * const params: CreateAssistantFileParams = { assistant_id: 'asst_abc', file_id: 'file-abc' };
 */
export type CreateAssistantFileParams = AssistantParams & CreateAssistantFileRequest;

/**
 * Attaches an uploaded file to an assistant (go-openai `CreateAssistantFile`; Assistants v1).
 *
 * @example
 * const file = await createAssistantFile(client, { assistant_id: 'asst_abc', file_id: 'file-abc' });
 */
export async function createAssistantFile(client: Client, params: CreateAssistantFileParams, options?: RequestOptions<AssistantFile>): Promise<AssistantFile> {
  const { assistant_id, ...body } = params;
  return request<AssistantFile>(client, { method: 'POST', path: pathFor('/assistants/{assistant_id}/files', { assistant_id }), body, headers: assistantsBetaHeaders }, options);
}
