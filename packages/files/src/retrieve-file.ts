import { type Client, type OpenAIFile, pathFor, type RequestOptions, request } from '@openai-micro/core';
import type { FileParams } from './types.js';

/**
 * Retrieves one file's metadata (go-openai `GetFile`).
 *
 * @example
 * const file = await retrieveFile(client, { file_id: 'file-abc123' });
 * console.log(file.filename, file.bytes);
 */
export async function retrieveFile(client: Client, params: FileParams, options?: RequestOptions<OpenAIFile>): Promise<OpenAIFile> {
  return request<OpenAIFile>(client, { method: 'GET', path: pathFor('/files/{file_id}', params) }, options);
}
