import type { Client, RequestOptions } from '@openai-micro/core';
import { sendImageForm } from './image-form.js';
import type { CreateImageEditRequest, ImagesResponse } from './types.js';

/**
 * Edits an image from a prompt, optionally within a mask (go-openai
 * `CreateEditImage`), as a multipart form. Unlike go-openai it sends only the
 * fields you set (no `n=0`, no empty `size`), and sends `model` and `user`.
 *
 * @example
 * const { data } = await createImageEdit(client, { image: './room.png', mask: './mask.png', prompt: 'Add a cat on the sofa', n: 2 });
 * const fromBytes = await createImageEdit(client, { image: { data: pngBytes, name: 'room.png' }, prompt: 'Add a cat' });
 */
export async function createImageEdit(client: Client, params: CreateImageEditRequest, options?: RequestOptions<ImagesResponse>): Promise<ImagesResponse> {
  const { image, mask, ...fields } = params;
  return sendImageForm(client, '/images/edits', fields, { image, mask }, options);
}
