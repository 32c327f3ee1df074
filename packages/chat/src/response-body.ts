/** How {@link responseBody} turns items into text. */
export interface ResponseBodyEncoding<Item> {
  /** The text for one item; an empty string or undefined writes nothing. */
  encode(item: Item): string | undefined;
  /** Text written after the last item. */
  end?(): string;
  /** Text written instead of failing the body when the source throws; undefined fails the body. */
  failure?(error: unknown): string | undefined;
}

/**
 * Turns an async-iterable source into a UTF-8 byte stream for a `Response`
 * body. It pulls one item per read, so a slow browser slows the upstream
 * request instead of filling memory, and cancelling the body returns the
 * source's iterator, which cancels an openai-micro stream and its request.
 *
 * @example
 * const body = responseBody(stream, { encode: (chunk) => chunk.choices[0]?.delta.content ?? '' });
 */
export function responseBody<Item>(source: AsyncIterable<Item>, encoding: ResponseBodyEncoding<Item>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<Item> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= source[Symbol.asyncIterator]();
        for (;;) {
          let step: IteratorResult<Item>;
          try {
            step = await iterator.next();
          } catch (error) {
            const text = encoding.failure?.(error);
            if (text === undefined) controller.error(error);
            else {
              controller.enqueue(encoder.encode(text));
              controller.close();
            }
            return;
          }
          if (step.done) {
            const tail = encoding.end?.();
            if (tail) controller.enqueue(encoder.encode(tail));
            controller.close();
            return;
          }
          const text = encoding.encode(step.value);
          if (text) {
            controller.enqueue(encoder.encode(text));
            return;
          }
        }
      },
      async cancel() {
        iterator ??= source[Symbol.asyncIterator]();
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Response headers: the defaults, then the caller's `init.headers` on top.
 *
 * @example
 * const headers = responseHeaders({ 'content-type': 'text/plain; charset=utf-8' }, init?.headers);
 */
export function responseHeaders(defaults: Record<string, string>, given: HeadersInit | undefined): Headers {
  const headers = new Headers(defaults);
  for (const [name, value] of new Headers(given)) headers.set(name, value);
  return headers;
}
