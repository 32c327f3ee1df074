import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { DeleteAssistantFileResponse, AssistantFileParams } from './types.js';

/**
 * Detaches a file from an assistant (go-openai `DeleteAssistantFile`, which dropped
 * the answer; it is returned here). Assistants v1.
 *
 * @example
 * const { deleted } = await deleteAssistantFile(client, { assistant_id: 'asst_abc', file_id: 'file-abc' });
 */
export async function deleteAssistantFile(client: Client, params: AssistantFileParams, options?: RequestOptions<DeleteAssistantFileResponse>): Promise<DeleteAssistantFileResponse> {
  return request<DeleteAssistantFileResponse>(client, { method: 'DELETE', path: pathFor('/assistants/{assistant_id}/files/{file_id}', params), headers: assistantsBetaHeaders }, options);
}
