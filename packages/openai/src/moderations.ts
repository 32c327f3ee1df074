import type { Client } from '@openai-micro/core';
import { type CreateModerationParams, type CreateModerationResponse, createModeration } from '@openai-micro/moderations';
import type { CallOptions } from './options.js';

/**
 * `openai.moderations`.
 *
 * @example
 * const { results } = await openai.moderations.create({ input: 'some text' });
 */
export class Moderations {
  readonly #client: Client;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const moderations = new Moderations(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
  }

  /**
   * `createModeration`.
   *
   * @example
   * const flagged = (await openai.moderations.create({ input: 'some text' })).results[0]?.flagged;
   */
  async create(params: CreateModerationParams, options?: CallOptions): Promise<CreateModerationResponse> {
    return createModeration(this.#client, params, options);
  }
}
