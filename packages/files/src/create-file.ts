import { type Client, createMultipartBody, type MultipartValue, type OpenAIFile, type RequestOptions, request, toUploadFile } from '@openai-micro/core';
import type { CreateFileRequest } from './types.js';

/**
 * Uploads a file (go-openai `CreateFile` and `CreateFileBytes`). A file path is
 * streamed from disk, so a 1 GiB upload never sits in memory; a path, Blob or
 * bytes upload is sent again in full when a retryable failure happens, a
 * ReadableStream upload cannot be and is never retried. A missing path, a
 * directory or an empty file name is refused before anything is sent.
 *
 * @example
 * const file = await createFile(client, { file: './train.jsonl', purpose: 'fine-tune' });
 * const fromBytes = await createFile(client, { file: { data: bytes, name: 'notes.txt' }, purpose: 'assistants' });
 * const withProgress = await createFile(client, { file: './big.jsonl', purpose: 'batch' }, {
 *   onUploadProgress: ({ loaded, total }) => console.log(loaded, total),
 * });
 */
export async function createFile(client: Client, params: CreateFileRequest, options?: RequestOptions<OpenAIFile>): Promise<OpenAIFile> {
  const { file, ...fields } = params;
  const body = createMultipartBody({ ...(fields as Record<string, MultipartValue>), file: await toUploadFile(file, 'file') });
  return request<OpenAIFile>(client, { method: 'POST', path: '/files', body }, options);
}
