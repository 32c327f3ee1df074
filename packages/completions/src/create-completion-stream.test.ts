import { getResponseMetadata, InputRejectedError, StreamProtocolError } from '@openai-micro/core';
import { type LoopbackServer, splitAt, startLoopbackServer } from '@openai-micro/tooling/loopback';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCompletionStream } from './create-completion-stream.js';
import { completionChunk, jsonBody, testClient } from './test-support.js';
import type { CompletionChunk } from './types.js';

const chunks = [completionChunk('Il était '), completionChunk('une fois… 🏰'), completionChunk('', 'length')];
const usageChunk: CompletionChunk = { ...completionChunk(''), choices: [], usage: { prompt_tokens: 4, completion_tokens: 6, total_tokens: 10 } };
const events = (items: CompletionChunk[], done = true) => [...items.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`), ...(done ? ['data: [DONE]\n\n'] : [])];

async function read(stream: AsyncIterable<CompletionChunk>): Promise<CompletionChunk[]> {
  const received: CompletionChunk[] = [];
  for await (const chunk of stream) received.push(chunk);
  return received;
}

let server: LoopbackServer;
beforeEach(async () => {
  server = await startLoopbackServer((_request, reply) => reply.sse(events([...chunks, usageChunk]), { headers: { 'x-request-id': 'req_s' } }));
});
afterEach(() => server.close());

describe('createCompletionStream', () => {
  it('posts the body with stream: true and yields every chunk, the usage chunk included', async () => {
    const params = { model: 'gpt-3.5-turbo-instruct', prompt: [[1, 2, 3]], max_tokens: 0, echo: true, stream_options: { include_usage: true } };
    const stream = await createCompletionStream(testClient(server), params);

    expect(await read(stream)).toEqual([...chunks, usageChunk]);
    expect(getResponseMetadata(stream).requestId).toBe('req_s');
    const [received] = server.requests;
    expect(received?.path).toBe('/v1/completions');
    expect(received?.headers.accept).toBe('text/event-stream');
    expect(jsonBody(received!)).toEqual({ ...params, stream: true });
  });

  it('yields the same chunks when the body is split inside UTF-8 characters and between \\r and \\n', async () => {
    const bytes = Buffer.from(events(chunks).join('').replace(/\n/g, '\r\n'));
    const awkward = [...bytes.keys()].filter((offset) => offset > 0 && ((bytes[offset]! & 0xc0) === 0x80 || (bytes[offset - 1] === 0x0d && bytes[offset] === 0x0a)));
    server.handler = (_request, reply) => reply.chunks(200, { 'content-type': 'text/event-stream' }, splitAt(bytes, awkward), { delayMs: 1 });
    expect(await read(await createCompletionStream(testClient(server), { model: 'gpt-3.5-turbo-instruct', prompt: 'Once' }))).toEqual(chunks);
  });

  it('reports a stream that ends with neither [DONE] nor a finish reason as truncated', async () => {
    server.handler = (_request, reply) => reply.sse(events(chunks.slice(0, 2), false));
    const stream = await createCompletionStream(testClient(server), { model: 'gpt-3.5-turbo-instruct', prompt: 'Once' });
    const error = await read(stream).catch((caught: unknown) => caught);
    expect(StreamProtocolError.isInstance(error)).toBe(true);
    expect((error as StreamProtocolError).reason).toBe('truncated');
  });

  it('refuses a prompt of another type before sending', async () => {
    const error = await createCompletionStream(testClient(server), { model: 'gpt-3.5-turbo-instruct', prompt: { text: 'Once' } as never }).catch((caught: unknown) => caught);
    expect(InputRejectedError.isInstance(error)).toBe(true);
    expect((error as InputRejectedError).field).toBe('prompt');
    expect(server.requests).toHaveLength(0);
  });
});
