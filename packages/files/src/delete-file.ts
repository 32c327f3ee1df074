import { type Client, type DeletionStatus, pathFor, type RequestOptions, request } from '@openai-micro/core';
import type { FileParams } from './types.js';

/**
 * Deletes a file (go-openai `DeleteFile`, which dropped the answer; here it is
 * returned, the spec's DeleteFileResponse).
 *
 * @example
 * const { deleted } = await deleteFile(client, { file_id: 'file-abc123' });
 */
export async function deleteFile(client: Client, params: FileParams, options?: RequestOptions<DeletionStatus>): Promise<DeletionStatus> {
  return request<DeletionStatus>(client, { method: 'DELETE', path: pathFor('/files/{file_id}', params) }, options);
}
