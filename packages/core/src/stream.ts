import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { Client } from './client.js';
import { ResponseParseError, ResponseTooLargeError, StreamEventError, StreamProtocolError, TimeoutError } from './errors.js';
import { IterableStream } from './iterable-stream.js';
import { attachResponseMetadata } from './metadata.js';
import { type Attempt, executeRequest, type OperationRequest, readBodyText, type RequestOptions } from './request.js';

/**
 * A streamed response of server-sent events: a web `ReadableStream` of decoded
 * chunks that is also async-iterable in every runtime. Leaving a `for await`
 * loop early, calling `cancel()`, or aborting the call's signal cancels the
 * HTTP request. `getResponseMetadata(stream)` gives its status and headers.
 *
 * @example
 * const stream = await createChatCompletionStream(client, params);
 * for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta.content ?? '');
 */
export class EventStream<Chunk> extends IterableStream<Chunk> {}

/**
 * How an operation turns server-sent events into chunks.
 *
 * @example
 * const decoding: StreamDecoding<ChatCompletionChunk> = { isFinal: (chunk) => chunk.choices.some((choice) => choice.finish_reason != null) };
 * const stream = await requestStream<ChatCompletionChunk>(client, operation, options, decoding);
 */
export interface StreamDecoding<Chunk> {
  /** Turns one event's parsed JSON data into a chunk (default: the data itself). `event` is the SSE event name. */
  decode?(data: unknown, event: string | undefined): Chunk;
  /** Whether a chunk ends the stream normally (a finish reason): a stream that ends without one, or `[DONE]`, is truncated. */
  isFinal?(chunk: Chunk): boolean;
}

function errorMessage(body: unknown): string {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const message = record.message ?? record.error;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : JSON.stringify(body);
}

/**
 * Turns a successful response into an {@link EventStream}: SSE decoded by
 * eventsource-parser with `maxEventBytes` as its buffer cap, `[DONE]` ending the
 * stream, error events thrown as {@link StreamEventError}, floods of non-data
 * lines ended by `emptyMessagesLimit`, stalls ended by `streamIdleTimeout`.
 *
 * @example
 * const stream = await executeRequest(client, operation, options, { accept: 'text/event-stream', streaming: true, consume: (attempt) => openEventStream(attempt, {}) });
 */
export async function openEventStream<Chunk>(attempt: Attempt, decoding: StreamDecoding<Chunk>): Promise<EventStream<Chunk>> {
  const { response, settings, controller } = attempt;
  attempt.stopRequestTimer();
  const contentType = response.headers.get('content-type') ?? '';
  if (/json|html/i.test(contentType)) {
    // A server that ignored `stream: true` (or a proxy error page): read it whole and explain.
    const text = await readBodyText(response, settings.maxResponseBytes).finally(() => attempt.release());
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {}
    const inner = (body as { error?: unknown } | undefined)?.error;
    if (inner) throw new StreamEventError(errorMessage(inner), inner);
    throw new ResponseParseError(`Expected a text/event-stream response but the server sent ${contentType}.`, { status: response.status, body: text });
  }

  const idleLimit = settings.streamIdleTimeout;
  let lastDataAt = Date.now();
  let pulling = false;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  // One timer re-armed lazily instead of one per event; it only runs while the
  // consumer is waiting on the server, so a slow consumer is never mistaken for a
  // stall and a stream nobody reads holds no timer.
  const watchIdle = () => {
    idleTimer = undefined;
    if (!pulling) return;
    const remaining = lastDataAt + idleLimit - Date.now();
    if (remaining > 0) idleTimer = setTimeout(watchIdle, remaining);
    else controller.abort(new TimeoutError('streamIdle', idleLimit));
  };

  const queue: Chunk[] = [];
  let failure: unknown;
  let finished = false;
  let sawFinal = false;
  let nonDataLines = 0;
  let lineHead = '';
  let afterCarriageReturn = false;
  let atEnd = false;
  const truncated = () => new StreamProtocolError('truncated', 'The stream ended before [DONE] or a finish reason: the response is incomplete.');
  const decoder = new TextDecoder();
  const decode = decoding.decode ?? ((data: unknown) => data as Chunk);

  const onEvent = (message: EventSourceMessage) => {
    if (finished || failure) return;
    lastDataAt = Date.now();
    if (message.data === '[DONE]') {
      finished = true;
      return;
    }
    // The parser's cap bounds only what it buffers between reads; an event that
    // arrives whole in one read is measured here.
    if (message.data.length > settings.maxEventBytes) {
      failure = new ResponseTooLargeError('maxEventBytes', settings.maxEventBytes);
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch (cause) {
      if (message.event === 'error') failure = new StreamEventError(message.data, message.data);
      // An event flushed at the end of the body without its blank line was cut off, not malformed.
      else if (atEnd) failure = truncated();
      else failure = new StreamProtocolError('malformedEvent', `A stream event's data is not JSON: ${message.data.slice(0, 200)}`, { cause });
      return;
    }
    // An error event is an error whatever its data (even null or 0); any other event must carry a JSON object.
    const errorBody = message.event === 'error' ? ((data as { error?: unknown } | null)?.error ?? data) : (data as { error?: unknown } | null)?.error;
    if (errorBody || message.event === 'error') {
      failure = new StreamEventError(errorMessage(errorBody), errorBody);
      return;
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      failure = new StreamProtocolError('malformedEvent', `A stream event's data is not a JSON object: ${message.data.slice(0, 200)}`);
      return;
    }
    // A chunk whose shape the operation's decoder cannot handle ({"choices":[null]}) is the server's fault, not a connection failure.
    try {
      const chunk = decode(data, message.event);
      if (decoding.isFinal?.(chunk)) sawFinal = true;
      queue.push(chunk);
    } catch (cause) {
      failure = new StreamProtocolError('malformedEvent', `A stream event's data does not have the expected shape: ${message.data.slice(0, 200)}`, { cause });
    }
  };
  const parser = createParser({
    onEvent,
    onError(error) {
      if (error.type === 'max-buffer-size-exceeded') failure ??= new ResponseTooLargeError('maxEventBytes', settings.maxEventBytes);
    },
    maxBufferSize: settings.maxEventBytes,
  });

  // eventsource-parser does not report blank lines or comments, so floods of
  // them are counted here on the raw text, as go-openai counts them; the index
  // of the line break that went over the limit comes back, else -1. Only the
  // first five characters of a line matter, so it jumps from line break to line
  // break with indexOf instead of visiting every character.
  const countLines = (text: string) => {
    // The state lives in locals while the loop runs and is stored back once: a
    // closure variable written on every line made this loop several times slower.
    let head = lineHead;
    let afterCR = afterCarriageReturn;
    let count = nonDataLines;
    let flood = -1;
    let lineFeed = text.indexOf('\n');
    let carriageReturn = text.indexOf('\r');
    for (let index = 0; index < text.length; ) {
      if (lineFeed !== -1 && lineFeed < index) lineFeed = text.indexOf('\n', index);
      if (carriageReturn !== -1 && carriageReturn < index) carriageReturn = text.indexOf('\r', index);
      const end = lineFeed === -1 ? carriageReturn : carriageReturn === -1 ? lineFeed : Math.min(lineFeed, carriageReturn);
      const lineEnd = end === -1 ? text.length : end;
      if (lineEnd > index) {
        afterCR = false;
        if (head.length < 5) head += text.slice(index, Math.min(lineEnd, index + 5 - head.length));
      }
      if (end === -1) break;
      const code = text.charCodeAt(end);
      index = end + 1;
      if (code === 10 && afterCR) {
        afterCR = false;
        continue;
      }
      afterCR = code === 13;
      if (head.startsWith('data:') || head === 'data') count = 0;
      else if (++count > settings.emptyMessagesLimit) {
        flood = end;
        break;
      }
      head = '';
    }
    lineHead = head;
    afterCarriageReturn = afterCR;
    nonDataLines = count;
    return flood;
  };

  // eventsource-parser holds back a chunk's trailing CR until it sees whether
  // an LF follows, which would leave a CR-terminated event undelivered until
  // the next chunk arrives (and could let the idle timeout fire although the
  // event came in time). Completing the CR as CRLF here, and dropping the LF
  // if it does arrive first in the next chunk, delivers it at once.
  let dropLeadingLF = false;
  const completeTrailingCR = (text: string) => {
    if (text === '') return text;
    if (dropLeadingLF && text.charCodeAt(0) === 10) text = text.slice(1);
    dropLeadingLF = text.charCodeAt(text.length - 1) === 13;
    return dropLeadingLF ? `${text}\n` : text;
  };

  const close = () => {
    clearTimeout(idleTimer);
    attempt.release();
  };

  // Reads and parses until a chunk is queued, the stream has ended or it failed.
  const fill = async () => {
    pulling = true;
    lastDataAt = Date.now();
    idleTimer ??= setTimeout(watchIdle, idleLimit);
    try {
      while (queue.length === 0 && !finished && !failure) {
        const bytes = await response.read();
        if (!bytes) {
          // Lenient about a missing final blank line (`data: [DONE]` then EOF),
          // but an event cut off by the end of the body never counts as data.
          atEnd = true;
          const tail = decoder.decode();
          if (tail) parser.feed(completeTrailingCR(tail));
          parser.feed('\n\n');
          if (!finished && !failure && !sawFinal) failure = truncated();
          finished = true;
          break;
        }
        const text = decoder.decode(bytes, { stream: true });
        // Events that arrived before a flood in the same read are still delivered.
        const flood = countLines(text);
        if (!failure) parser.feed(completeTrailingCR(flood === -1 ? text : text.slice(0, flood)));
        if (flood !== -1) {
          failure ??= new StreamProtocolError(
            'emptyMessagesLimit',
            `The stream sent more than ${settings.emptyMessagesLimit} lines in a row without data (the "emptyMessagesLimit" option).`,
          );
        }
      }
    } catch (error) {
      failure ??= attempt.failure(error);
    }
    pulling = false;
  };
  // The queue is empty and no chunk will come: release the response and say how it ended.
  const end = () => {
    response.cancel();
    close();
    // Through the attempt, so that a server echoing the credentials in an error event has them redacted.
    return failure && attempt.failure(failure);
  };

  const stream = new EventStream<Chunk>(
    {
      async pull(streamController) {
        await fill();
        if (queue.length > 0) {
          // Every chunk decoded from this read at once: the stream serves them from
          // its own queue without a pull per chunk.
          for (const chunk of queue) streamController.enqueue(chunk);
          queue.length = 0;
          return;
        }
        const error = end();
        if (error) streamController.error(error);
        else streamController.close();
      },
      cancel(reason) {
        close();
        controller.abort(reason);
        response.cancel();
      },
    },
    { highWaterMark: 0 },
    // for await takes chunks straight from the queue: a web stream's read costs
    // about as much as parsing the chunk did.
    async () => {
      if (queue.length === 0) await fill();
      if (queue.length > 0) return { done: false, value: queue.shift()! };
      const error = end();
      if (error) throw error;
      return { done: true, value: undefined };
    },
  );
  return attachResponseMetadata(stream, response.status, response.headers, attempt.transportName);
}

/**
 * Sends an operation with `Accept: text/event-stream` and resolves, once the
 * response headers arrive, an {@link EventStream} of decoded chunks.
 *
 * @example
 * const stream = await requestStream<ChatCompletionChunk>(client, { method: 'POST', path: '/chat/completions', body: { ...params, stream: true } }, options, {
 *   isFinal: (chunk) => chunk.choices.some((choice) => choice.finish_reason),
 * });
 */
export function requestStream<Chunk>(
  client: Client,
  operation: OperationRequest,
  options?: RequestOptions,
  decoding: StreamDecoding<Chunk> = {},
): Promise<EventStream<Chunk>> {
  return executeRequest(client, operation, options, {
    accept: 'text/event-stream',
    streaming: true,
    consume: (attempt) => openEventStream(attempt, decoding),
  });
}
