import type { Client } from '@openai-micro/core';
import {
  type CreateImageEditRequest,
  type CreateImageRequest,
  type CreateImageVariationRequest,
  createImage,
  createImageEdit,
  createImageVariation,
  type ImagesResponse,
} from '@openai-micro/images';
import type { CallOptions } from './options.js';

/**
 * `openai.images`.
 *
 * @example
 * const { data } = await openai.images.generate({ prompt: 'A lighthouse at dusk', size: '1024x1024' });
 */
export class Images {
  readonly #client: Client;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const images = new Images(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
  }

  /**
   * `createImage`.
   *
   * @example
   * const { data } = await openai.images.generate({ prompt: 'A lighthouse', response_format: 'b64_json' });
   */
  async generate(params: CreateImageRequest, options?: CallOptions): Promise<ImagesResponse> {
    return createImage(this.#client, params, options);
  }

  /**
   * `createImageEdit`.
   *
   * @example
   * await openai.images.edit({ image: './room.png', mask: './mask.png', prompt: 'Add a plant' });
   */
  async edit(params: CreateImageEditRequest, options?: CallOptions): Promise<ImagesResponse> {
    return createImageEdit(this.#client, params, options);
  }

  /**
   * `createImageVariation`.
   *
   * @example
   * await openai.images.createVariation({ image: './logo.png', n: 2 });
   */
  async createVariation(params: CreateImageVariationRequest, options?: CallOptions): Promise<ImagesResponse> {
    return createImageVariation(this.#client, params, options);
  }
}
