import { describe, expect, it } from 'vitest';
import { APIError, ConnectionError, TimeoutError } from './errors.js';
import { getResponseMetadata } from './metadata.js';
import { BinaryStream, requestBinary } from './request-binary.js';
import { collect, collectUntilError, delay, elapsedSince, transports, useLoopbackServer } from './test-support.test-helper.js';

const operation = { method: 'GET', path: '/files/file-abc/content' } as const;
const audio = Buffer.from(Array.from({ length: 3000 }, (_, index) => index % 256));

describe.each(transports)('requestBinary over %s', (_name, transport) => {
  const loopback = useLoopbackServer(transport);
  const open = (options = {}) => requestBinary(loopback.client(), operation, options);
  const serveChunks = (parts: (string | Buffer)[], headers = { 'content-type': 'audio/mpeg' }, delayMs = 2) => {
    loopback.server.handler = (_request, reply) => reply.chunks(200, headers, parts, { delayMs });
  };

  it('reads the whole body with bytes(), exposing the content type and metadata', async () => {
    serveChunks([audio.subarray(0, 1000), audio.subarray(1000)]);
    const stream = await open();
    expect(stream).toBeInstanceOf(BinaryStream);
    expect(stream).toBeInstanceOf(ReadableStream);
    expect(stream.contentType).toBe('audio/mpeg');
    expect(getResponseMetadata(stream).status).toBe(200);
    expect(Buffer.from(await stream.bytes()).equals(audio)).toBe(true);
    expect(loopback.server.requests[0]?.headers.accept).toContain('application/octet-stream');
  });

  it('reads text() as UTF-8, multi-byte characters split across chunks included', async () => {
    const jsonl = '{"prompt":"héllo 🙂"}\n{"prompt":"日本"}\n';
    loopback.server.handler = (_request, reply) =>
      reply.chunks(200, { 'content-type': 'application/jsonl', 'x-request-id': 'req_dl' }, reply.split(jsonl, 'bytes'), { delayMs: 0 });
    const stream = await open();
    expect(await stream.text()).toBe(jsonl);
    expect(getResponseMetadata(stream).requestId).toBe('req_dl');
  });

  it('is async-iterable chunk by chunk', async () => {
    serveChunks([audio.subarray(0, 10), audio.subarray(10, 20), audio.subarray(20, 30)], undefined, 20);
    const chunks = await collect(await open());
    expect(Buffer.concat(chunks).equals(audio.subarray(0, 30))).toBe(true);
    expect(chunks.every((chunk) => chunk instanceof Uint8Array)).toBe(true);
  });

  it('works as a ReadableStream: getReader() and pipeThrough()', async () => {
    serveChunks(['abc', 'def']);
    const reader = (await open()).getReader();
    const parts: string[] = [];
    for (let result = await reader.read(); !result.done; result = await reader.read()) parts.push(Buffer.from(result.value).toString());
    expect(parts.join('')).toBe('abcdef');

    serveChunks(['abc', 'def']);
    const upper = (await open()).pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>).pipeThrough(
      new TransformStream<string, string>({ transform: (text, controller) => controller.enqueue(text.toUpperCase()) }),
    );
    let text = '';
    for await (const piece of upper as unknown as AsyncIterable<string>) text += piece;
    expect(text).toBe('ABCDEF');
  });

  it('defaults the content type to application/octet-stream', async () => {
    loopback.server.handler = (_request, reply) => reply.send(200, 'raw', { 'content-type': undefined });
    const stream = await open();
    expect(stream.contentType).toBe('application/octet-stream');
    expect(await stream.text()).toBe('raw');
  });

  it('ends a stalled body with TimeoutError streamIdle and closes the socket', async () => {
    let disconnected: Promise<void> | undefined;
    loopback.server.handler = async (_request, reply) => {
      disconnected = reply.disconnected;
      await reply.head(200, { 'content-type': 'audio/mpeg' });
      await reply.write(audio.subarray(0, 100));
      await reply.stall();
    };
    const stream = await open({ streamIdleTimeout: 200 });
    const started = Date.now();
    const { items, error } = await collectUntilError(stream);
    expect(Buffer.concat(items).length).toBe(100);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).timeout).toBe('streamIdle');
    expect(elapsedSince(started)).toBeLessThan(1500);
    await disconnected;
  });

  it('does not cut a long healthy download whose chunks come more often than the idle timeout', async () => {
    const parts = Array.from({ length: 12 }, (_, index) => Buffer.alloc(1024, index));
    serveChunks(parts, undefined, 100);
    const started = Date.now();
    const bytes = await (await open({ streamIdleTimeout: 250, timeout: 250 })).bytes();
    expect(bytes.byteLength).toBe(12 * 1024);
    expect(elapsedSince(started)).toBeGreaterThan(1000);
  });

  it('does not count time between reads by a slow consumer as idle', async () => {
    serveChunks(['a', 'b', 'c'], undefined, 0);
    const stream = await open({ streamIdleTimeout: 100 });
    let text = '';
    for await (const chunk of stream) {
      text += Buffer.from(chunk).toString();
      await delay(250);
    }
    expect(text).toBe('abc');
  });

  it('frees the socket on cancel() and when a loop exits early', async () => {
    let disconnected: Promise<void> | undefined;
    loopback.server.handler = async (_request, reply) => {
      disconnected = reply.disconnected;
      await reply.head(200, { 'content-type': 'audio/mpeg' });
      while (!reply.socket.destroyed) {
        await reply.write(audio);
        await delay(5);
      }
    };
    const stream = await open();
    await stream.cancel();
    await disconnected;

    const second = await open();
    for await (const _chunk of second) break;
    await disconnected;
    expect(second.locked).toBe(false);
  });

  it('ends with the AbortError when the signal aborts mid-body', async () => {
    let disconnected: Promise<void> | undefined;
    loopback.server.handler = async (_request, reply) => {
      disconnected = reply.disconnected;
      await reply.head(200, { 'content-type': 'audio/mpeg' });
      while (!reply.socket.destroyed) {
        await reply.write(audio.subarray(0, 10));
        await delay(10);
      }
    };
    const controller = new AbortController();
    const stream = await open({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const { error } = await collectUntilError(stream);
    expect((error as Error).name).toBe('AbortError');
    await disconnected;
  });

  it('reports a reset mid-body as a ConnectionError, without retrying', async () => {
    loopback.server.handler = async (_request, reply) => {
      await reply.head(200, { 'content-type': 'audio/mpeg' });
      await reply.write(audio.subarray(0, 10));
      await delay(30);
      await reply.reset();
    };
    const { error } = await collectUntilError(await open({ maxRetries: 2 }));
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect(loopback.server.requests).toHaveLength(1);
  });

  it('throws APIError for an error status before the body', async () => {
    loopback.server.handler = (_request, reply) => reply.json(404, { error: { message: 'No such File object: file-abc', type: 'invalid_request_error' } });
    const error = await open().catch((caught: unknown) => caught);
    expect(APIError.isInstance(error)).toBe(true);
    expect((error as APIError).status).toBe(404);
    expect((error as APIError).message).toContain('No such File object');
  });
});
