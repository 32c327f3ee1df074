import { type Client, createMultipartBody, type FileInput, type MultipartValue, type RequestOptions, request, toUploadFile } from '@openai-micro/core';
import type { ImagesResponse } from './types.js';

/**
 * Sends an image form: the caller's fields as they are (numbers as decimal
 * strings, undefined left out), then the image files.
 *
 * @example
 * return sendImageForm(client, '/images/variations', { n: 2 }, { image: './cat.png' }, options);
 */
export async function sendImageForm(
  client: Client,
  path: string,
  fields: Record<string, unknown>,
  files: Record<string, FileInput | undefined>,
  options: RequestOptions<ImagesResponse> | undefined,
): Promise<ImagesResponse> {
  const form = { ...fields } as Record<string, MultipartValue>;
  for (const field in files) {
    const input = files[field];
    if (input !== undefined) form[field] = await toUploadFile(input, field);
  }
  const model = typeof fields.model === 'string' ? fields.model : undefined;
  return request<ImagesResponse>(client, { method: 'POST', path, body: createMultipartBody(form), model }, options);
}
