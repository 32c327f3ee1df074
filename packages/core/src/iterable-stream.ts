/**
 * A `ReadableStream` that is async-iterable in every runtime (Safari's streams
 * are not), and whose iterator cancels the stream when a loop exits early.
 *
 * @example
 * for await (const chunk of stream) console.log(chunk);
 */
export class IterableStream<Item> extends ReadableStream<Item> {
  readonly #next: (() => Promise<IteratorResult<Item, undefined>>) | undefined;

  /**
   * A ReadableStream from `source`. `next`, when given, is where the stream's
   * own iterator takes items instead of the reader (it still holds the lock, so
   * no one else reads meanwhile): for a source whose per-item cost matters.
   */
  constructor(source: UnderlyingDefaultSource<Item> = {}, strategy?: QueuingStrategy<Item>, next?: () => Promise<IteratorResult<Item, undefined>>) {
    super(source, strategy);
    this.#next = next;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Item> {
    const reader = this.getReader();
    const next = this.#next;
    let released = false;
    // Like the platform's own iterator: the lock is given back once the loop
    // ends, however it ends, so the stream reports `locked === false` again.
    const release = () => {
      if (released) return;
      released = true;
      reader.releaseLock();
    };
    const iterator: AsyncIterableIterator<Item> = {
      async next() {
        if (released) return { done: true, value: undefined };
        try {
          const { done, value } = await (next ? next() : reader.read());
          if (done) release();
          return done ? { done: true, value: undefined } : { done: false, value };
        } catch (error) {
          release();
          throw error;
        }
      },
      async return() {
        if (!released) {
          const cancelled = reader.cancel();
          release();
          await cancelled;
        }
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }
}
