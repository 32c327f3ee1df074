import {
  type CreateChatCompletionParams,
  type CreateChatCompletionResponse,
  type CreateChatCompletionStreamParams,
  type CreateChatCompletionStreamResponse,
  createChatCompletion,
  createChatCompletionStream,
} from '@openai-micro/chat';
import type { Client, EventStream } from '@openai-micro/core';
import type { CallOptions } from './options.js';

/**
 * `openai.chat.completions`: chat completions, streamed or not.
 *
 * @example
 * const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
 */
export class ChatCompletions {
  readonly #client: Client;

  /**
   * Made by {@link OpenAI}; build one yourself only to wrap an existing core client.
   *
   * @example
   * const completions = new ChatCompletions(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
  }

  /**
   * `createChatCompletionStream` when `stream: true`, else `createChatCompletion`.
   *
   * @example
   * const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, stream: true });
   * for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta.content ?? '');
   */
  create(params: CreateChatCompletionStreamParams & { stream: true }, options?: CallOptions): Promise<EventStream<CreateChatCompletionStreamResponse>>;
  create(params: CreateChatCompletionParams, options?: CallOptions): Promise<CreateChatCompletionResponse>;
  create(
    params: Omit<CreateChatCompletionParams, 'stream'> & { stream?: boolean | null },
    options?: CallOptions,
  ): Promise<CreateChatCompletionResponse | EventStream<CreateChatCompletionStreamResponse>>;
  async create(
    params: Omit<CreateChatCompletionParams, 'stream'> & { stream?: boolean | null },
    options?: CallOptions,
  ): Promise<CreateChatCompletionResponse | EventStream<CreateChatCompletionStreamResponse>> {
    const { stream, ...body } = params;
    return stream ? createChatCompletionStream(this.#client, body, options) : createChatCompletion(this.#client, body, options);
  }
}

/**
 * `openai.chat`.
 *
 * @example
 * await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
 */
export class Chat {
  /** Chat completions. */
  readonly completions: ChatCompletions;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const chat = new Chat(createClient());
   */
  constructor(client: Client) {
    this.completions = new ChatCompletions(client);
  }
}
