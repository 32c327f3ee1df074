import {
  type CompletionChunk,
  type CreateCompletionParams,
  type CreateCompletionResponse,
  type CreateCompletionStreamParams,
  createCompletion,
  createCompletionStream,
} from '@openai-micro/completions';
import type { Client, EventStream } from '@openai-micro/core';
import type { CallOptions } from './options.js';

/**
 * `openai.completions`: legacy completions, streamed or not.
 *
 * @example
 * const completion = await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi' });
 */
export class Completions {
  readonly #client: Client;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const completions = new Completions(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
  }

  /**
   * `createCompletionStream` when `stream: true`, else `createCompletion`.
   *
   * @example
   * const stream = await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Once', stream: true });
   * for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.text ?? '');
   */
  create(params: CreateCompletionStreamParams & { stream: true }, options?: CallOptions): Promise<EventStream<CompletionChunk>>;
  create(params: CreateCompletionParams, options?: CallOptions): Promise<CreateCompletionResponse>;
  create(
    params: Omit<CreateCompletionParams, 'stream'> & { stream?: boolean | null },
    options?: CallOptions,
  ): Promise<CreateCompletionResponse | EventStream<CompletionChunk>>;
  async create(
    params: Omit<CreateCompletionParams, 'stream'> & { stream?: boolean | null },
    options?: CallOptions,
  ): Promise<CreateCompletionResponse | EventStream<CompletionChunk>> {
    const { stream, ...body } = params;
    return stream ? createCompletionStream(this.#client, body, options) : createCompletion(this.#client, body, options);
  }
}
