import { getResponseMetadata, InputRejectedError, StreamProtocolError } from '@openai-micro/core';
import { splitAt } from '@openai-micro/tooling/loopback';
import { collect, jsonBody, sseEvents, useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { createCompletionStream } from './create-completion-stream.js';
import { completionChunk, testClient } from './test-support.js';
import type { CompletionChunk } from './types.js';

const chunks = [completionChunk('Il était '), completionChunk('une fois… 🏰'), completionChunk('', 'length')];
const usageChunk: CompletionChunk = { ...completionChunk(''), choices: [], usage: { prompt_tokens: 4, completion_tokens: 6, total_tokens: 10 } };

const loopback = useLoopbackServer((_request, reply) => reply.sse(sseEvents([...chunks, usageChunk]), { headers: { 'x-request-id': 'req_s' } }));

describe('createCompletionStream', () => {
  it('posts the body with stream: true and yields every chunk, the usage chunk included', async () => {
    const params = { model: 'gpt-3.5-turbo-instruct', prompt: [[1, 2, 3]], max_tokens: 0, echo: true, stream_options: { include_usage: true } };
    const stream = await createCompletionStream(testClient(loopback.server), params);

    expect(await collect(stream)).toEqual([...chunks, usageChunk]);
    expect(getResponseMetadata(stream).requestId).toBe('req_s');
    const [received] = loopback.server.requests;
    expect(received?.path).toBe('/v1/completions');
    expect(received?.headers.accept).toBe('text/event-stream');
    expect(jsonBody(received!)).toEqual({ ...params, stream: true });
  });

  it('yields the same chunks when the body is split inside UTF-8 characters and between \\r and \\n', async () => {
    const bytes = Buffer.from(sseEvents(chunks).join('').replace(/\n/g, '\r\n'));
    const awkward = [...bytes.keys()].filter((offset) => offset > 0 && ((bytes[offset]! & 0xc0) === 0x80 || (bytes[offset - 1] === 0x0d && bytes[offset] === 0x0a)));
    loopback.server.handler = (_request, reply) => reply.chunks(200, { 'content-type': 'text/event-stream' }, splitAt(bytes, awkward), { delayMs: 1 });
    expect(await collect(await createCompletionStream(testClient(loopback.server), { model: 'gpt-3.5-turbo-instruct', prompt: 'Once' }))).toEqual(chunks);
  });

  it('reports a stream that ends with neither [DONE] nor a finish reason as truncated', async () => {
    loopback.server.handler = (_request, reply) => reply.sse(sseEvents(chunks.slice(0, 2), { done: false }));
    const stream = await createCompletionStream(testClient(loopback.server), { model: 'gpt-3.5-turbo-instruct', prompt: 'Once' });
    const error = await collect(stream).catch((caught: unknown) => caught);
    expect(StreamProtocolError.isInstance(error)).toBe(true);
    expect((error as StreamProtocolError).reason).toBe('truncated');
  });

  it('refuses a prompt of another type before sending', async () => {
    const error = await createCompletionStream(testClient(loopback.server), { model: 'gpt-3.5-turbo-instruct', prompt: { text: 'Once' } as never }).catch((caught: unknown) => caught);
    expect(InputRejectedError.isInstance(error)).toBe(true);
    expect((error as InputRejectedError).field).toBe('prompt');
    expect(loopback.server.requests).toHaveLength(0);
  });
});
