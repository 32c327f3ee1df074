/**
 * A `ReadableStream` that is async-iterable in every runtime (Safari's streams
 * are not), and whose iterator cancels the stream when a loop exits early.
 *
 * @example
 * for await (const chunk of stream) console.log(chunk);
 */
export class IterableStream<Item> extends ReadableStream<Item> {
  [Symbol.asyncIterator](): AsyncIterableIterator<Item> {
    const reader = this.getReader();
    const iterator: AsyncIterableIterator<Item> = {
      async next() {
        const { done, value } = await reader.read();
        if (done) reader.releaseLock();
        return done ? { done: true, value: undefined } : { done: false, value };
      },
      async return() {
        await reader.cancel();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }
}
