import { collect, sseEvents, useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { createChatCompletionStream } from './create-chat-completion-stream.js';
import { chatChunk, serveOneChunkThenStall, testClient, textChunk } from './test-support.js';
import { textDeltas } from './text-deltas.js';

const loopback = useLoopbackServer((_request, reply) =>
  reply.sse(
    sseEvents([
      chatChunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
      textChunk('Once '),
      chatChunk([{ index: 0, delta: { tool_calls: [{ index: 0, id: 'call_1', function: { name: 'f', arguments: '{}' } }] }, finish_reason: null }]),
      chatChunk([
        { index: 0, delta: { content: 'upon' }, finish_reason: null },
        { index: 1, delta: { content: 'Another' }, finish_reason: null },
      ]),
      chatChunk([{ index: 0, delta: { content: null }, finish_reason: null }]),
      textChunk(' a time', 'stop'),
      chatChunk([], { usage: { prompt_tokens: 1, completion_tokens: 4, total_tokens: 5 } }),
    ]),
  ),
);

const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Story' }] };

describe('textDeltas', () => {
  it('yields only the non-empty content strings of the first choice', async () => {
    const stream = await createChatCompletionStream(testClient(loopback.server), params);
    expect(await collect(textDeltas(stream))).toEqual(['Once ', 'upon', ' a time']);
  });

  it('yields the content of another choice when asked', async () => {
    const stream = await createChatCompletionStream(testClient(loopback.server), params);
    expect(await collect(textDeltas(stream, { choice: 1 }))).toEqual(['Another']);
  });

  it('cancels the request when the loop is left early', async () => {
    const clientHungUp = serveOneChunkThenStall(loopback.server, textChunk('only this'));
    const stream = await createChatCompletionStream(testClient(loopback.server), params);
    for await (const text of textDeltas(stream)) {
      expect(text).toBe('only this');
      break;
    }
    await clientHungUp();
  });
});
