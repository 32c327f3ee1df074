import type { LoopbackReply } from '@openai-micro/tooling/loopback';
import { describe, expect, it } from 'vitest';
import { APIError, ConnectionError, ResponseParseError, ResponseTooLargeError, StreamEventError, StreamProtocolError, TimeoutError } from './errors.js';
import { getResponseMetadata } from './metadata.js';
import { requestStream, type StreamDecoding } from './stream.js';
import { collect, collectUntilError, delay, elapsedSince, rejectionOf, testApiKey, transports, useLoopbackServer } from './test-support.test-helper.js';

const sseHeaders = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };
const operation = { method: 'POST', path: '/chat/completions', body: { model: 'gpt-4o-mini', stream: true } } as const;
type Chunk = { n: number; text?: string; finish?: boolean };
const finalChunk: StreamDecoding<Chunk> = { isFinal: (chunk) => chunk.finish === true };

/** Writes `line` every `everyMs` until the client goes away. */
async function drip(reply: LoopbackReply, line: string | (() => string), everyMs: number): Promise<void> {
  let gone = false;
  void reply.disconnected.then(() => {
    gone = true;
  });
  await reply.head(200, sseHeaders);
  while (!gone) {
    await reply.write(typeof line === 'string' ? line : line());
    await delay(everyMs);
  }
}

describe.each(transports)('requestStream over %s', (_name, transport) => {
  const loopback = useLoopbackServer(transport);
  const open = (options = {}, decoding: StreamDecoding<Chunk> = {}, clientOptions = {}) =>
    requestStream<Chunk>(loopback.client(clientOptions), operation, options, decoding);

  describe('framing', () => {
    const events = ['data: {"n":1,"text":"héllo 🙂"}', 'data: {"n":2,"text":"wörld"}', 'data: [DONE]'];
    const expected = [
      { n: 1, text: 'héllo 🙂' },
      { n: 2, text: 'wörld' },
    ];

    it.each([
      ['LF', '\n'],
      ['CR', '\r'],
      ['CRLF', '\r\n'],
    ])('decodes %s line endings', async (_ending, eol) => {
      loopback.server.handler = (_request, reply) => reply.sse(events.map((event) => `${event}${eol}${eol}`));
      expect(await collect(await open())).toEqual(expected);
    });

    it.each([
      ['LF', '\n'],
      ['CRLF', '\r\n'],
      ['CR', '\r'],
    ])('decodes one-byte chunks with %s endings, multi-byte UTF-8 split across chunks', async (_ending, eol) => {
      const body = events.map((event) => `${event}${eol}${eol}`).join('');
      loopback.server.handler = (_request, reply) => reply.chunks(200, sseHeaders, reply.split(body, 'bytes'), { delayMs: 1 });
      expect(await collect(await open())).toEqual(expected);
    });

    it('decodes a CRLF split between \\r and \\n, and a 4-byte character split in the middle', async () => {
      const body = 'data: {"n":1,"text":"🙂"}\r\n\r\ndata: [DONE]\r\n\r\n';
      const bytes = Buffer.from(body);
      const emoji = bytes.indexOf(Buffer.from('🙂'));
      const firstCR = bytes.indexOf('\r');
      const secondCR = bytes.indexOf('\r', firstCR + 2);
      const cuts = [emoji + 1, emoji + 3, firstCR + 1, secondCR + 1];
      loopback.server.handler = (_request, reply) => reply.chunks(200, sseHeaders, reply.split(body, cuts), { delayMs: 5 });
      expect(await collect(await open())).toEqual([{ n: 1, text: '🙂' }]);
    });

    it('delivers a CR-terminated event at once, without waiting for the next chunk', async () => {
      loopback.server.handler = async (_request, reply) => {
        await reply.head(200, sseHeaders);
        await reply.write('data: {"n":1}\r\r');
        await delay(50);
        // This LF completes the CR that ended the previous chunk: not a blank line.
        await reply.write('\ndata: {"n":2}\r\r');
        await reply.stall();
      };
      const reader = (await open({ streamIdleTimeout: 250, emptyMessagesLimit: 1 })).getReader();
      expect(await reader.read()).toEqual({ done: false, value: { n: 1 } });
      expect(await reader.read()).toEqual({ done: false, value: { n: 2 } });
      const error = await rejectionOf(reader.read());
      expect((error as TimeoutError).timeout).toBe('streamIdle');
    });

    it('ends at data: [DONE] and ignores whatever follows', async () => {
      loopback.server.handler = (_request, reply) =>
        reply.sse(['data: {"n":1}\n\n', 'data: [DONE]\n\n', 'data: {"n":2}\n\n', 'data: {"error":{"message":"late"}}\n\n']);
      expect(await collect(await open())).toEqual([{ n: 1 }]);
    });

    it('accepts [DONE] as the last line without a closing blank line', async () => {
      loopback.server.handler = (_request, reply) => reply.sse(['data: {"n":1}\n\n', 'data: [DONE]']);
      expect(await collect(await open())).toEqual([{ n: 1 }]);
    });

    it('passes the event name to decode()', async () => {
      loopback.server.handler = (_request, reply) => reply.sse(['event: thread.run.created\ndata: {"n":1}\n\n', 'data: [DONE]\n\n']);
      const stream = await requestStream(loopback.client(), operation, {}, { decode: (data, event) => ({ data, event }) });
      expect(await collect(stream)).toEqual([{ data: { n: 1 }, event: 'thread.run.created' }]);
    });
  });

  describe('errors inside the stream', () => {
    it('turns data: {"error": ...} into a StreamEventError with the server message, type and code', async () => {
      loopback.server.handler = (_request, reply) =>
        reply.sse([
          'data: {"n":1}\n\n',
          'data: {"error":{"message":"The server had an error while processing your request.","type":"server_error","code":"overloaded","param":null}}\n\n',
        ]);
      const stream = await open();
      const { items: seen, error } = await collectUntilError(stream);
      expect(seen).toEqual([{ n: 1 }]);
      expect(StreamEventError.isInstance(error)).toBe(true);
      const streamError = error as StreamEventError;
      expect(streamError.message).toBe('The server had an error while processing your request.');
      expect(streamError.type).toBe('server_error');
      expect(streamError.code).toBe('overloaded');
      expect(loopback.server.requests).toHaveLength(1);
    });

    it('turns event: error into a StreamEventError', async () => {
      loopback.server.handler = (_request, reply) =>
        reply.sse(['event: error\ndata: {"error":{"message":"rate limited mid-stream","type":"rate_limit_error","code":429}}\n\n']);
      const error = (await rejectionOf(collect(await open()))) as StreamEventError;
      expect(StreamEventError.isInstance(error)).toBe(true);
      expect(error.message).toBe('rate limited mid-stream');
      expect(error.type).toBe('rate_limit_error');
      expect(error.code).toBe(429);
    });

    it('turns event: error with a bare message (or plain text) into a StreamEventError', async () => {
      loopback.server.handler = (_request, reply) => reply.sse(['event: error\ndata: {"message":"bare"}\n\n']);
      expect(((await rejectionOf(collect(await open()))) as Error).message).toBe('bare');
      loopback.server.handler = (_request, reply) => reply.sse(['event: error\ndata: upstream exploded\n\n']);
      const error = await rejectionOf(collect(await open()));
      expect(StreamEventError.isInstance(error)).toBe(true);
      expect((error as Error).message).toBe('upstream exploded');
    });

    it('reports data that is not JSON as StreamProtocolError malformedEvent', async () => {
      loopback.server.handler = (_request, reply) => reply.sse(['data: {"n":1}\n\n', 'data: {"n": oops}\n\n', 'data: [DONE]\n\n']);
      const error = await rejectionOf(collect(await open()));
      expect(StreamProtocolError.isInstance(error)).toBe(true);
      expect((error as StreamProtocolError).reason).toBe('malformedEvent');
      expect((error as Error).message).toContain('oops');
    });
  });

  describe('emptyMessagesLimit', () => {
    it('ends a flood of blank lines, comments and non-data fields with StreamProtocolError', async () => {
      const flood = [...Array.from({ length: 10 }, () => ': keep-alive\n'), ...Array.from({ length: 10 }, () => '\n'), 'id: 7\n', 'retry: 10\n', 'event: ping\n'];
      loopback.server.handler = (_request, reply) => reply.sse(['data: {"n":1}\n\n', ...flood, ...flood, 'data: {"n":2}\n\n', 'data: [DONE]\n\n']);
      const error = await rejectionOf(collect(await open({}, {}, { emptyMessagesLimit: 30 })));
      expect(StreamProtocolError.isInstance(error)).toBe(true);
      expect((error as StreamProtocolError).reason).toBe('emptyMessagesLimit');
      expect((error as Error).message).toContain('30');
    });

    it('accepts fewer non-data lines than the limit between events, again and again', async () => {
      const gap = Array.from({ length: 25 }, (_, index) => (index % 2 ? ': ping\n' : '\n')).join('');
      const body = Array.from({ length: 5 }, (_, index) => `data: {"n":${index}}\n\n${gap}`).join('').concat('data: [DONE]\n\n');
      loopback.server.handler = (_request, reply) => reply.sse([body]);
      expect(await collect(await open({}, {}, { emptyMessagesLimit: 30 }))).toHaveLength(5);
    });

    it('defaults to 300 like go-openai', async () => {
      const comments = (count: number) => ': ping\n'.repeat(count);
      loopback.server.handler = (_request, reply) => reply.sse([`data: {"n":1}\n\n${comments(298)}`, `data: {"n":2}\n\n`, 'data: [DONE]\n\n']);
      expect(await collect(await open())).toHaveLength(2);
      loopback.server.handler = (_request, reply) => reply.sse([`data: {"n":1}\n\n${comments(300)}`, `data: {"n":2}\n\n`, 'data: [DONE]\n\n']);
      const error = await rejectionOf(collect(await open()));
      expect((error as StreamProtocolError).reason).toBe('emptyMessagesLimit');
      expect((error as Error).message).toContain('300');
    });

    it('ends an endless stream of blank lines by the limit, and closes the socket', async () => {
      let disconnected: Promise<void> | undefined;
      loopback.server.handler = (_request, reply) => {
        disconnected = reply.disconnected;
        return drip(reply, '\n\n\n\n', 1);
      };
      const error = await rejectionOf(collect(await open({}, {}, { emptyMessagesLimit: 50, streamIdleTimeout: 5000 })));
      expect((error as StreamProtocolError).reason).toBe('emptyMessagesLimit');
      await disconnected;
    });
  });

  describe('idle timeout', () => {
    it('ends a stream of keep-alive comments with TimeoutError streamIdle: comments do not reset the clock', async () => {
      let disconnected: Promise<void> | undefined;
      loopback.server.handler = (_request, reply) => {
        disconnected = reply.disconnected;
        return drip(reply, ': keep-alive\n\n', 20);
      };
      const stream = await open({ streamIdleTimeout: 300 });
      const started = Date.now();
      const error = await rejectionOf(collect(stream));
      expect(TimeoutError.isInstance(error)).toBe(true);
      expect((error as TimeoutError).timeout).toBe('streamIdle');
      expect((error as TimeoutError).milliseconds).toBe(300);
      expect(elapsedSince(started)).toBeGreaterThanOrEqual(280);
      expect(elapsedSince(started)).toBeLessThan(1500);
      await disconnected;
      expect(loopback.server.requests).toHaveLength(1);
    });

    it('ends a stream that stalls after some events', async () => {
      loopback.server.handler = async (_request, reply) => {
        await reply.head(200, sseHeaders);
        await reply.write('data: {"n":1}\n\n');
        await reply.stall();
      };
      const stream = await open({ streamIdleTimeout: 200 });
      const { items: seen, error } = await collectUntilError(stream);
      expect(seen).toEqual([{ n: 1 }]);
      expect((error as TimeoutError).timeout).toBe('streamIdle');
    });

    it('does not cut a slow drip of data events, each within the idle timeout, that lasts far longer', async () => {
      let n = 0;
      loopback.server.handler = async (_request, reply) => {
        await reply.head(200, sseHeaders);
        for (n = 0; n < 12; n++) {
          await reply.write(`data: {"n":${n}}\n\n`);
          await delay(100);
        }
        await reply.end('data: [DONE]\n\n');
      };
      const started = Date.now();
      const chunks = await collect(await open({ streamIdleTimeout: 250, timeout: 250 }));
      expect(chunks).toHaveLength(12);
      expect(elapsedSince(started)).toBeGreaterThan(1000);
    });

    it('does not count time the consumer spends between reads as idle', async () => {
      loopback.server.handler = (_request, reply) => reply.sse(['data: {"n":1}\n\n', 'data: {"n":2}\n\n', 'data: [DONE]\n\n']);
      const stream = await open({ streamIdleTimeout: 150 });
      const seen: Chunk[] = [];
      for await (const chunk of stream) {
        seen.push(chunk);
        await delay(400);
      }
      expect(seen).toHaveLength(2);
    });
  });

  describe('truncation', () => {
    it('reports a stream that ends without [DONE] or a final chunk as truncated', async () => {
      loopback.server.handler = (_request, reply) => reply.sse(['data: {"n":1}\n\n', 'data: {"n":2}\n\n']);
      const stream = await open({}, finalChunk);
      const { items: seen, error } = await collectUntilError(stream);
      expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
      expect(StreamProtocolError.isInstance(error)).toBe(true);
      expect((error as StreamProtocolError).reason).toBe('truncated');
    });

    it('reports a stream cut in the middle of an event as truncated, not as malformed', async () => {
      loopback.server.handler = (_request, reply) => reply.sse(['data: {"n":1}\n\n', 'data: {"n":2,"te']);
      const error = await rejectionOf(collect(await open({}, finalChunk)));
      expect((error as StreamProtocolError).reason).toBe('truncated');
    });

    it('reports a stream whose last event lacks its blank line, without [DONE], as truncated', async () => {
      loopback.server.handler = (_request, reply) => reply.sse(['data: {"n":1}\n\n', 'data: {"n":2}\n']);
      const error = await rejectionOf(collect(await open({}, finalChunk)));
      expect((error as StreamProtocolError).reason).toBe('truncated');
    });

    it('ends cleanly after a final chunk even without [DONE]', async () => {
      loopback.server.handler = (_request, reply) => reply.sse(['data: {"n":1}\n\n', 'data: {"n":2,"finish":true}\n\n']);
      expect(await collect(await open({}, finalChunk))).toEqual([{ n: 1 }, { n: 2, finish: true }]);
    });

    it('reports an empty 200 event stream as truncated', async () => {
      loopback.server.handler = (_request, reply) => reply.sse([]);
      expect(((await rejectionOf(collect(await open()))) as StreamProtocolError).reason).toBe('truncated');
    });

    it('reports a reset mid-stream as a ConnectionError and does not retry', async () => {
      loopback.server.handler = async (_request, reply) => {
        await reply.head(200, sseHeaders);
        await reply.write('data: {"n":1}\n\n');
        await delay(30);
        await reply.reset();
      };
      const stream = await open({ maxRetries: 3 });
      const { items: seen, error } = await collectUntilError(stream);
      expect(seen).toEqual([{ n: 1 }]);
      expect(ConnectionError.isInstance(error)).toBe(true);
      expect(loopback.server.requests).toHaveLength(1);
    });
  });

  describe('maxEventBytes', () => {
    it('refuses a single event larger than the cap with ResponseTooLargeError', async () => {
      loopback.server.handler = (_request, reply) => reply.sse([`data: {"text":"${'x'.repeat(4096)}"}\n\n`, 'data: [DONE]\n\n']);
      const error = await rejectionOf(collect(await open({}, {}, { maxEventBytes: 1024 })));
      expect(ResponseTooLargeError.isInstance(error)).toBe(true);
      expect((error as ResponseTooLargeError).option).toBe('maxEventBytes');
      expect((error as ResponseTooLargeError).limit).toBe(1024);
    });

    it('accepts events under the cap', async () => {
      loopback.server.handler = (_request, reply) => reply.sse([`data: {"n":1,"text":"${'x'.repeat(900)}"}\n\n`, 'data: [DONE]\n\n']);
      expect(await collect(await open({}, {}, { maxEventBytes: 1024 }))).toHaveLength(1);
    });

    it('stops a 2 MB event at a 1 MB cap without reading the rest of an endless body', async () => {
      let disconnected: Promise<void> | undefined;
      const piece = 'x'.repeat(64 * 1024);
      let sent = 0;
      loopback.server.handler = async (_request, reply) => {
        disconnected = reply.disconnected;
        await reply.head(200, sseHeaders);
        await reply.write('data: {"text":"');
        while (!reply.socket.destroyed && sent < 1000) {
          await reply.write(piece);
          sent++;
        }
      };
      const error = await rejectionOf(collect(await open({}, {}, { maxEventBytes: 1024 * 1024, streamIdleTimeout: 2000 })));
      expect((error as ResponseTooLargeError).option).toBe('maxEventBytes');
      await disconnected;
      expect(sent).toBeLessThan(300);
    });

    it('stops a 64 MB event at the default 16 MiB cap without the process ballooning', async () => {
      const piece = Buffer.alloc(1024 * 1024, 'y');
      let sent = 0;
      loopback.server.handler = async (_request, reply) => {
        await reply.head(200, sseHeaders);
        await reply.write('data: "');
        while (sent < 64 && !reply.socket.destroyed) {
          await reply.write(piece);
          sent++;
        }
        await reply.end('"\n\ndata: [DONE]\n\n');
      };
      const before = process.memoryUsage().rss;
      const error = await rejectionOf(collect(await open({}, {}, { streamIdleTimeout: 5000, timeout: 5000 })));
      const growth = process.memoryUsage().rss - before;
      expect((error as ResponseTooLargeError).option).toBe('maxEventBytes');
      expect((error as ResponseTooLargeError).limit).toBe(16 * 1024 * 1024);
      expect(sent).toBeLessThan(64);
      // 16 MiB of text as UTF-16 plus chunks in flight; far from 64 MB twice over.
      expect(growth).toBeLessThan(120 * 1024 * 1024);
    });
  });

  describe('stream object', () => {
    it('is a ReadableStream: getReader() works', async () => {
      loopback.server.handler = (_request, reply) => reply.sse(['data: {"n":1}\n\n', 'data: {"n":2}\n\n', 'data: [DONE]\n\n']);
      const stream = await open();
      expect(stream).toBeInstanceOf(ReadableStream);
      const reader = stream.getReader();
      expect(await reader.read()).toEqual({ done: false, value: { n: 1 } });
      expect(await reader.read()).toEqual({ done: false, value: { n: 2 } });
      expect(await reader.read()).toEqual({ done: true, value: undefined });
    });

    it('is a ReadableStream: pipeThrough() works', async () => {
      loopback.server.handler = (_request, reply) => reply.sse(['data: {"n":1}\n\n', 'data: {"n":2}\n\n', 'data: [DONE]\n\n']);
      const stream = await open();
      const doubled = stream.pipeThrough(new TransformStream<Chunk, number>({ transform: (chunk, controller) => controller.enqueue(chunk.n * 2) }));
      const values: number[] = [];
      for await (const value of doubled as unknown as AsyncIterable<number>) values.push(value);
      expect(values).toEqual([2, 4]);
    });

    it('cancels the HTTP request when a for-await loop is left early, freeing the socket', async () => {
      let disconnected: Promise<void> | undefined;
      let n = 0;
      loopback.server.handler = (_request, reply) => {
        disconnected = reply.disconnected;
        return drip(reply, () => `data: {"n":${n++}}\n\n`, 10);
      };
      const stream = await open();
      for await (const chunk of stream) if (chunk.n === 2) break;
      await disconnected;
      expect(stream.locked).toBe(false);
      const sentAtClose = n;
      await delay(50);
      expect(n).toBe(sentAtClose);
      // The client is still healthy for the next call.
      loopback.server.handler = (_request, reply) => reply.sse(['data: {"n":9}\n\n', 'data: [DONE]\n\n']);
      expect(await collect(await open())).toEqual([{ n: 9 }]);
    });

    it('cancels the HTTP request on cancel()', async () => {
      let disconnected: Promise<void> | undefined;
      loopback.server.handler = (_request, reply) => {
        disconnected = reply.disconnected;
        return drip(reply, 'data: {"n":1}\n\n', 10);
      };
      const stream = await open();
      await stream.cancel();
      await disconnected;
    });

    it('ends with the AbortError when the call signal aborts mid-stream, and closes the socket', async () => {
      let disconnected: Promise<void> | undefined;
      loopback.server.handler = (_request, reply) => {
        disconnected = reply.disconnected;
        return drip(reply, 'data: {"n":1}\n\n', 20);
      };
      const controller = new AbortController();
      const stream = await open({ signal: controller.signal });
      const seen: Chunk[] = [];
      const error = await rejectionOf(
        (async () => {
          for await (const chunk of stream) {
            seen.push(chunk);
            if (seen.length === 2) setTimeout(() => controller.abort(), 5);
          }
        })(),
      );
      expect((error as Error).name).toBe('AbortError');
      await disconnected;
    });

    it('exposes status, headers and request id through getResponseMetadata', async () => {
      loopback.server.handler = (_request, reply) =>
        reply.sse(['data: {"n":1}\n\n', 'data: [DONE]\n\n'], {
          headers: { 'x-request-id': 'req_stream_1', 'x-ratelimit-remaining-tokens': '999', 'x-ratelimit-reset-tokens': '1.5s' },
        });
      const stream = await open();
      const metadata = getResponseMetadata(stream);
      expect(metadata.status).toBe(200);
      expect(metadata.requestId).toBe('req_stream_1');
      expect(metadata.headers.get('content-type')).toBe('text/event-stream');
      expect(metadata.rateLimit.remainingTokens).toBe(999);
      expect(metadata.rateLimit.resetTokensMs).toBe(1500);
      await collect(stream);
      const [received] = loopback.server.requests;
      expect(received?.headers.accept).toBe('text/event-stream');
      expect(JSON.parse(received!.body.toString())).toEqual({ model: 'gpt-4o-mini', stream: true });
    });
  });

  describe('responses that are not a stream', () => {
    it('refuses a 200 JSON body (the server ignored stream: true) with ResponseParseError', async () => {
      loopback.server.handler = (_request, reply) => reply.json(200, { id: 'chatcmpl-1', choices: [] });
      const error = await rejectionOf(open());
      expect(ResponseParseError.isInstance(error)).toBe(true);
      expect((error as ResponseParseError).bodyExcerpt).toContain('chatcmpl-1');
    });

    it('turns a 200 JSON error body into a StreamEventError', async () => {
      loopback.server.handler = (_request, reply) => reply.json(200, { error: { message: 'model overloaded', type: 'server_error', code: 'busy' } });
      const error = await rejectionOf(open());
      expect(StreamEventError.isInstance(error)).toBe(true);
      expect((error as StreamEventError).message).toBe('model overloaded');
      expect((error as StreamEventError).code).toBe('busy');
    });

    it('throws APIError for an HTTP error before the stream, retrying retryable statuses', async () => {
      loopback.server.handler = (_request, reply) =>
        loopback.server.requests.length === 1
          ? reply.json(503, { error: { message: 'try again', type: 'server_error' } }, { 'retry-after-ms': '10' })
          : reply.sse(['data: {"n":1}\n\n', 'data: [DONE]\n\n']);
      expect(await collect(await open({ maxRetries: 2 }))).toEqual([{ n: 1 }]);
      expect(loopback.server.requests).toHaveLength(2);

      loopback.server.requests.length = 0;
      loopback.server.handler = (_request, reply) => reply.json(400, { error: { message: 'bad stream', type: 'invalid_request_error', param: 'stream' } });
      const error = await rejectionOf(open({ maxRetries: 2 }));
      expect(APIError.isInstance(error)).toBe(true);
      expect((error as APIError).status).toBe(400);
      expect((error as APIError).message).toContain('bad stream');
      expect(loopback.server.requests).toHaveLength(1);
    });

    it('never shows the API key in stream errors', async () => {
      loopback.server.handler = (_request, reply) => reply.sse(['data: nope\n\n']);
      const error = (await rejectionOf(collect(await open()))) as Error;
      const { inspect } = await import('node:util');
      for (const text of [error.message, error.stack ?? '', inspect(error), JSON.stringify(error)]) expect(text).not.toContain(testApiKey);
    });
  });
});
