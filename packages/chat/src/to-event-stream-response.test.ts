import { StreamProtocolError } from '@openai-micro/core';
import { startLoopbackServer } from '@openai-micro/tooling/loopback';
import { sseEvents, useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { createChatCompletionStream } from './create-chat-completion-stream.js';
import { chatChunk, serveOneChunkThenStall, testClient, textChunk } from './test-support.js';
import { toEventStreamResponse } from './to-event-stream-response.js';

const chunks = [chatChunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]), textChunk('line one\nline "two"'), textChunk('!', 'stop')];

const loopback = useLoopbackServer((_request, reply) => reply.sse(sseEvents(chunks)));

const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hi' }] };

describe('toEventStreamResponse', () => {
  it('re-emits every chunk as a data: line, then [DONE]', async () => {
    const response = toEventStreamResponse(await createChatCompletionStream(testClient(loopback.server), params));
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(sseEvents(chunks).join(''));
  });

  it('can be read back by this library as an OpenAI stream', async () => {
    const upstream = await startLoopbackServer((_request, reply) => reply.sse(sseEvents(chunks)));
    try {
      // The first server relays what the second streams, as an edge function would.
      loopback.server.handler = async (_request, reply) => {
        const relayed = toEventStreamResponse(await createChatCompletionStream(testClient(upstream), params));
        await reply.head(200, Object.fromEntries(relayed.headers));
        const reader = relayed.body!.getReader();
        for (let step = await reader.read(); !step.done; step = await reader.read()) await reply.write(Buffer.from(step.value));
        await reply.end();
      };
      const received = [];
      for await (const chunk of await createChatCompletionStream(testClient(loopback.server), params)) received.push(chunk);
      expect(received).toEqual(chunks);
    } finally {
      await upstream.close();
    }
  });

  it('ends with an error event carrying a generic message when the upstream stream fails', async () => {
    loopback.server.handler = (_request, reply) => reply.sse(sseEvents([textChunk('cut')], { done: false }));
    const failures: unknown[] = [];
    const response = toEventStreamResponse(await createChatCompletionStream(testClient(loopback.server), params), {
      onError: (error) => {
        failures.push(error);
      },
    });
    const text = await response.text();
    expect(text).toBe(`${sseEvents([textChunk('cut')], { done: false })[0]}data: {"error":{"message":"The upstream stream failed.","type":"server_error","code":null}}\n\n`);
    expect(failures).toHaveLength(1);
    expect(StreamProtocolError.isInstance(failures[0])).toBe(true);
  });

  it('sends the message onError returns', async () => {
    loopback.server.handler = (_request, reply) => reply.sse([]);
    const response = toEventStreamResponse(await createChatCompletionStream(testClient(loopback.server), params), { onError: () => 'Try again later.' });
    expect(await response.text()).toBe('data: {"error":{"message":"Try again later.","type":"server_error","code":null}}\n\n');
  });

  it('cancels the upstream request when the body is cancelled', async () => {
    const clientHungUp = serveOneChunkThenStall(loopback.server, textChunk('first'));
    const response = toEventStreamResponse(await createChatCompletionStream(testClient(loopback.server), params));
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe(sseEvents([textChunk('first')], { done: false })[0]);
    await reader.cancel();
    await clientHungUp();
  });
});
