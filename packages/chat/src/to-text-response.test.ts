import { StreamProtocolError } from '@openai-micro/core';
import { sseEvents, useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { createChatCompletionStream } from './create-chat-completion-stream.js';
import { serveOneChunkThenStall, testClient, textChunk } from './test-support.js';
import { toTextResponse } from './to-text-response.js';

const loopback = useLoopbackServer((_request, reply) => reply.sse(sseEvents([textChunk('Bonjour, '), textChunk('le monde 🌍', 'stop')]), { delayMs: 2 }));

const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Greet' }] };

describe('toTextResponse', () => {
  it('streams the text of the deltas as a plain-text Response', async () => {
    const response = toTextResponse(await createChatCompletionStream(testClient(loopback.server), params));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('Bonjour, le monde 🌍');
  });

  it('takes status and headers from the init, over the defaults', async () => {
    const response = toTextResponse(await createChatCompletionStream(testClient(loopback.server), params), {
      status: 201,
      headers: { 'Content-Type': 'text/markdown; charset=utf-8', 'x-trace': 'abc' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('x-trace')).toBe('abc');
    expect(await response.text()).toBe('Bonjour, le monde 🌍');
  });

  it('cancels the upstream request when the body is cancelled', async () => {
    const clientHungUp = serveOneChunkThenStall(loopback.server, textChunk('first words'));
    const response = toTextResponse(await createChatCompletionStream(testClient(loopback.server), params));
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe('first words');
    await reader.cancel();
    await clientHungUp();
  });

  it('errors the body and tells onError when the upstream stream fails', async () => {
    loopback.server.handler = (_request, reply) => reply.sse(sseEvents([textChunk('cut ')], { done: false }));
    const failures: unknown[] = [];
    const response = toTextResponse(await createChatCompletionStream(testClient(loopback.server), params), { onError: (error) => failures.push(error) });
    const error = await response.text().catch((caught: unknown) => caught);
    expect(StreamProtocolError.isInstance(error)).toBe(true);
    expect(failures).toEqual([error]);
  });
});
