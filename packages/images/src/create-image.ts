import { type Client, type RequestOptions, request } from '@openai-micro/core';
import type { CreateImageRequest, ImagesResponse } from './types.js';

/**
 * Generates images from a prompt (go-openai `CreateImage`). Only the fields
 * you set are sent (go-openai sends none of its zero values either, but its
 * forms do: see `createImageEdit`).
 *
 * @example
 * const { data } = await createImage(client, { prompt: 'A lighthouse at dusk', model: 'dall-e-3', size: '1792x1024' });
 * console.log(data[0]?.url, data[0]?.revised_prompt);
 */
export async function createImage(client: Client, params: CreateImageRequest, options?: RequestOptions<ImagesResponse>): Promise<ImagesResponse> {
  return request<ImagesResponse>(client, { method: 'POST', path: '/images/generations', body: { ...params }, model: params.model ?? undefined }, options);
}
