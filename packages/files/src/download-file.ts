import { type BinaryStream, type Client, pathFor, type RequestOptions, requestBinary } from '@openai-micro/core';
import type { FileParams } from './types.js';

/**
 * Downloads a file's content (go-openai `GetFileContent`) as a byte stream
 * that is read from the network as it is consumed. Read it whole with
 * `.text()` or `.bytes()`, iterate it chunk by chunk, or save it on Node with
 * `saveToFile` from `@openai-micro/files/node`.
 *
 * @example
 * const results = await (await downloadFile(client, { file_id: 'file-abc123' })).text();
 * for await (const chunk of await downloadFile(client, { file_id: 'file-abc123' })) output.write(chunk);
 */
export async function downloadFile(client: Client, params: FileParams, options?: RequestOptions): Promise<BinaryStream> {
  return requestBinary(client, { method: 'GET', path: pathFor('/files/{file_id}/content', params) }, options);
}
