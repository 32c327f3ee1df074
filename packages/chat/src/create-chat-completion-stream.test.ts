import { getResponseMetadata, StreamEventError, StreamProtocolError } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import { splitAt } from '@openai-micro/tooling/loopback';
import { collect, jsonBody, sseEvents, useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { createChatCompletionStream } from './create-chat-completion-stream.js';
import { chatChunk, serveOneChunkThenStall, testClient, textChunk } from './test-support.js';

const messages = [{ role: 'user' as const, content: 'Say hello' }];
const chunks = [
  chatChunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }], { system_fingerprint: 'fp_1' }),
  textChunk('Héllo, '),
  textChunk('世界 🎉\n'),
  textChunk('"quoted" ünïcödé', 'stop'),
];

const loopback = useLoopbackServer((_request, reply) => reply.sse(sseEvents(chunks), { headers: { 'x-request-id': 'req_stream' } }));

describe('createChatCompletionStream', () => {
  it('posts the body with stream: true and yields every chunk', async () => {
    const stream = await createChatCompletionStream(testClient(loopback.server), { model: 'gpt-4o-mini', messages, temperature: 0, stream_options: { include_usage: true } });

    expect(await collect(stream)).toEqual(chunks);
    const [received] = loopback.server.requests;
    expect(received?.path).toBe('/v1/chat/completions');
    expect(received?.headers.accept).toBe('text/event-stream');
    expect(received?.headers.authorization).toBe('Bearer sk-test');
    expect(jsonBody(received!)).toEqual({ model: 'gpt-4o-mini', messages, temperature: 0, stream_options: { include_usage: true }, stream: true });
  });

  it('exposes the response headers (go-openai CreateChatCompletionStreamReturnHeader)', async () => {
    const stream = await createChatCompletionStream(testClient(loopback.server), { model: 'gpt-4o-mini', messages });
    expect(getResponseMetadata(stream).requestId).toBe('req_stream');
    await stream.cancel();
  });

  it('yields the same chunks when the body is split inside UTF-8 characters and between \\r and \\n', async () => {
    const text = sseEvents(chunks)
      .join('')
      .replace(/\n/g, '\r\n');
    const bytes = Buffer.from(text, 'utf8');
    // Every offset that falls inside a multi-byte character or between \r and \n.
    const awkward: number[] = [];
    for (let offset = 1; offset < bytes.length; offset++) {
      const insideCharacter = (bytes[offset]! & 0xc0) === 0x80;
      const betweenReturnAndNewline = bytes[offset - 1] === 0x0d && bytes[offset] === 0x0a;
      if (insideCharacter || betweenReturnAndNewline) awkward.push(offset);
    }
    expect(awkward.length).toBeGreaterThan(20);
    loopback.server.handler = (_request, reply) => reply.chunks(200, { 'content-type': 'text/event-stream' }, splitAt(bytes, awkward), { delayMs: 1 });

    const stream = await createChatCompletionStream(testClient(loopback.server), { model: 'gpt-4o-mini', messages });
    expect(await collect(stream)).toEqual(chunks);
  });

  it('yields the same chunks when every byte arrives on its own', async () => {
    loopback.server.handler = (_request, reply) => reply.chunks(200, { 'content-type': 'text/event-stream' }, splitAt(sseEvents(chunks).join(''), 'bytes'));
    const stream = await createChatCompletionStream(testClient(loopback.server), { model: 'gpt-4o-mini', messages });
    expect(await collect(stream)).toEqual(chunks);
  });

  it('accepts a stream that ends after a finish reason without [DONE]', async () => {
    loopback.server.handler = (_request, reply) => reply.sse(sseEvents(chunks, { done: false }));
    const stream = await createChatCompletionStream(testClient(loopback.server), { model: 'gpt-4o-mini', messages });
    expect(await collect(stream)).toEqual(chunks);
  });

  it('reports a stream that ends with neither [DONE] nor a finish reason as truncated', async () => {
    loopback.server.handler = (_request, reply) => reply.sse(sseEvents([textChunk('Hel'), textChunk('lo')], { done: false }));
    const stream = await createChatCompletionStream(testClient(loopback.server), { model: 'gpt-4o-mini', messages });
    const received: string[] = [];
    const error = await (async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
    })().catch((caught: unknown) => caught);

    expect(received).toEqual(['Hel', 'lo']);
    expect(StreamProtocolError.isInstance(error)).toBe(true);
    expect((error as StreamProtocolError).reason).toBe('truncated');
  });

  it('throws the error the server sends inside the stream', async () => {
    loopback.server.handler = (_request, reply) =>
      reply.sse(['data: {"error":{"message":"The server had an error","type":"server_error","code":null}}\n\n']);
    const stream = await createChatCompletionStream(testClient(loopback.server), { model: 'gpt-4o-mini', messages });
    const error = await collect(stream).catch((caught: unknown) => caught);
    expect(StreamEventError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('The server had an error');
  });

  it('cancels the request when the loop is left early', async () => {
    const clientHungUp = serveOneChunkThenStall(loopback.server, textChunk('first'));
    const stream = await createChatCompletionStream(testClient(loopback.server), { model: 'gpt-4o-mini', messages });
    for await (const chunk of stream) {
      expect(chunk.choices[0]?.delta.content).toBe('first');
      break;
    }
    await clientHungUp();
  });

  it('reports input it cannot use as a rejected promise, never a synchronous throw', async () => {
    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = createChatCompletionStream(testClient(loopback.server), null as never);
    }).not.toThrow();
    await expect(pending).rejects.toThrow(TypeError);
    expect(loopback.server.requests).toHaveLength(0);
  });

  it('streams from the Azure deployment of the model', async () => {
    const client = createAzureClient({ baseURL: loopback.server.url, apiKey: 'azure-key', apiVersion: '2024-02-01' });
    const stream = await createChatCompletionStream(client, { model: 'gpt-3.5-turbo', messages });
    expect(await collect(stream)).toEqual(chunks);
    const [received] = loopback.server.requests;
    expect(received?.path).toBe('/openai/deployments/gpt-35-turbo/chat/completions');
    expect(received?.query.get('api-version')).toBe('2024-02-01');
    expect(received?.headers['api-key']).toBe('azure-key');
    expect(jsonBody(received!)).toMatchObject({ model: 'gpt-3.5-turbo', stream: true });
  });
});
