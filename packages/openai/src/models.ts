import type { Client } from '@openai-micro/core';
import { type DeleteModelResponse, deleteModel, type ListModelsResponse, listModels, type Model, retrieveModel } from '@openai-micro/models';
import type { CallOptions } from './options.js';

/**
 * `openai.models`.
 *
 * @example
 * for (const model of (await openai.models.list()).data) console.log(model.id);
 */
export class Models {
  readonly #client: Client;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const models = new Models(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
  }

  /**
   * `listModels`: `{ object: 'list', data }` (the API sends one page).
   *
   * @example
   * const { data } = await openai.models.list();
   */
  async list(options?: CallOptions): Promise<ListModelsResponse> {
    return listModels(this.#client, options);
  }

  /**
   * `retrieveModel`.
   *
   * @example
   * const model = await openai.models.retrieve('gpt-4o-mini');
   */
  async retrieve(model: string, options?: CallOptions): Promise<Model> {
    return retrieveModel(this.#client, { model }, options);
  }

  /**
   * `deleteModel` (fine-tuned models): the official SDK v4 name.
   *
   * @example
   * await openai.models.del('ft:gpt-4o-mini:acme::abc123');
   */
  async del(model: string, options?: CallOptions): Promise<DeleteModelResponse> {
    return deleteModel(this.#client, { model }, options);
  }

  /**
   * `deleteModel`: the official SDK v5 name of {@link Models.del}.
   *
   * @example
   * await openai.models.delete('ft:gpt-4o-mini:acme::abc123');
   */
  async delete(model: string, options?: CallOptions): Promise<DeleteModelResponse> {
    return deleteModel(this.#client, { model }, options);
  }
}
