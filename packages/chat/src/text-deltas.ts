import type { ChatCompletionChunk } from './types.js';

/**
 * Options of {@link textDeltas}.
 *
 * @example
 * for await (const text of textDeltas(stream, { choice: 1 })) process.stdout.write(text);
 */
export interface TextDeltasOptions {
  /** The choice whose text to yield, for `n` > 1. Default 0. */
  choice?: number;
}

/**
 * Iterates over only the text of a chat stream: each non-empty
 * `delta.content` of one choice. Breaking out of the loop cancels the stream
 * (and its request).
 *
 * @example
 * const stream = await createChatCompletionStream(client, { model: 'gpt-4o-mini', messages });
 * for await (const text of textDeltas(stream)) process.stdout.write(text);
 */
export async function* textDeltas(stream: AsyncIterable<ChatCompletionChunk>, options: TextDeltasOptions = {}): AsyncGenerator<string, void, undefined> {
  const choice = options.choice ?? 0;
  for await (const chunk of stream) {
    for (const item of chunk.choices ?? []) {
      const content = item.index === choice ? item.delta?.content : undefined;
      if (content) yield content;
    }
  }
}
