import { type Client, type OpenAIFile, type Page, type RequestOptions, requestPage } from '@openai-micro/core';
import type { ListFilesParams } from './types.js';

/**
 * Lists uploaded files (go-openai `ListFiles`), optionally only those of one
 * purpose. The page is async-iterable over every file of every page.
 *
 * @example
 * const page = await listFiles(client, { purpose: 'fine-tune' });
 * for await (const file of page) console.log(file.id, file.filename);
 */
export async function listFiles(client: Client, params: ListFilesParams = {}, options?: RequestOptions): Promise<Page<OpenAIFile>> {
  return requestPage<OpenAIFile>(client, { method: 'GET', path: '/files', query: { ...params } }, options);
}
