import type { Client, RequestOptions } from '@openai-micro/core';
import { sendImageForm } from './image-form.js';
import type { CreateImageVariationRequest, ImagesResponse } from './types.js';

/**
 * Creates variations of an image (go-openai `CreateVariImage`), as a multipart
 * form with only the fields you set.
 *
 * @example
 * const { data } = await createImageVariation(client, { image: './cat.png', n: 3, size: '512x512' });
 */
export async function createImageVariation(client: Client, params: CreateImageVariationRequest, options?: RequestOptions<ImagesResponse>): Promise<ImagesResponse> {
  const { image, ...fields } = params;
  return sendImageForm(client, '/images/variations', fields, { image }, options);
}
