import type { Client } from '@openai-micro/core';
import { type CreateEmbeddingParams, type CreateEmbeddingResponse, createEmbedding } from '@openai-micro/embeddings';
import type { CallOptions } from './options.js';

/**
 * `openai.embeddings`. Unlike the official SDK, `encoding_format: 'base64'`
 * resolves to `Float32Array` embeddings, already decoded.
 *
 * @example
 * const { data } = await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'hello' });
 */
export class Embeddings {
  readonly #client: Client;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const embeddings = new Embeddings(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
  }

  /**
   * `createEmbedding`.
   *
   * @example
   * const { data } = await openai.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'] });
   * console.log(data[0]?.embedding.length);
   */
  create(params: CreateEmbeddingParams & { encoding_format: 'base64' }, options?: CallOptions): Promise<CreateEmbeddingResponse<Float32Array>>;
  create(params: CreateEmbeddingParams & { encoding_format?: 'float' | undefined }, options?: CallOptions): Promise<CreateEmbeddingResponse>;
  create(params: CreateEmbeddingParams, options?: CallOptions): Promise<CreateEmbeddingResponse | CreateEmbeddingResponse<Float32Array>>;
  async create(params: CreateEmbeddingParams, options?: CallOptions): Promise<CreateEmbeddingResponse | CreateEmbeddingResponse<Float32Array>> {
    return createEmbedding(this.#client, params, options);
  }
}
