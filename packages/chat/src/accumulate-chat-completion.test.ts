import { getResponseMetadata } from '@openai-micro/core';
import { sseEvents, useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { accumulateChatCompletion, createChatCompletionAccumulator } from './accumulate-chat-completion.js';
import { createChatCompletionStream } from './create-chat-completion-stream.js';
import { chatChunk, testClient } from './test-support.js';
import type { ChatCompletionChunk, ChatCompletionTokenLogprob } from './types.js';

const logprob = (token: string): ChatCompletionTokenLogprob => ({ token, logprob: -0.25, bytes: [...Buffer.from(token)], top_logprobs: [] });

/** Two choices (n: 2), one answering in text with logprobs, one calling a tool, then the usage chunk. */
const chunks: ChatCompletionChunk[] = [
  chatChunk(
    [
      { index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null, logprobs: null },
      { index: 1, delta: { role: 'assistant', content: null }, finish_reason: null },
    ],
    { system_fingerprint: 'fp_abc', usage: null },
  ),
  chatChunk([{ index: 0, delta: { content: 'Hel' }, finish_reason: null, logprobs: { content: [logprob('Hel')] } }], { system_fingerprint: 'fp_abc', usage: null }),
  chatChunk([{ index: 1, delta: { tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'greet', arguments: '{"to":' } }] }, finish_reason: null }]),
  chatChunk([{ index: 0, delta: { content: 'lo!' }, finish_reason: null, logprobs: { content: [logprob('lo'), logprob('!')] } }]),
  chatChunk([{ index: 1, delta: { tool_calls: [{ index: 0, function: { arguments: '"you"}' } }] }, finish_reason: null }]),
  chatChunk([{ index: 0, delta: {}, finish_reason: 'stop' }]),
  chatChunk([{ index: 1, delta: {}, finish_reason: 'tool_calls' }]),
  chatChunk([], { usage: { prompt_tokens: 10, completion_tokens: 7, total_tokens: 17 } }),
];

const loopback = useLoopbackServer((_request, reply) => reply.sse(sseEvents(chunks), { headers: { 'x-request-id': 'req_acc' } }));

describe('accumulateChatCompletion', () => {
  it('turns a real stream with a usage chunk into the completion it amounts to', async () => {
    const stream = await createChatCompletionStream(testClient(loopback.server), {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
      n: 2,
      logprobs: true,
      stream_options: { include_usage: true },
    });
    const completion = await accumulateChatCompletion(stream);

    expect(completion).toEqual({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gpt-4o-mini',
      system_fingerprint: 'fp_abc',
      usage: { prompt_tokens: 10, completion_tokens: 7, total_tokens: 17 },
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello!' },
          finish_reason: 'stop',
          logprobs: { content: [logprob('Hel'), logprob('lo'), logprob('!')] },
        },
        {
          index: 1,
          message: { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'greet', arguments: '{"to":"you"}' } }] },
          finish_reason: 'tool_calls',
          logprobs: null,
        },
      ],
    });
    expect(getResponseMetadata(completion).requestId).toBe('req_acc');
  });

  it('accumulates any async iterable of chunks, without response metadata', async () => {
    async function* replay() {
      yield* chunks.slice(0, 2);
    }
    const completion = await accumulateChatCompletion(replay());
    expect(completion.choices[0]?.message.content).toBe('Hel');
    expect(completion.choices[0]?.finish_reason).toBeNull();
    expect(completion.usage).toBeUndefined();
    expect(() => getResponseMetadata(completion)).toThrow(TypeError);
  });
});

describe('createChatCompletionAccumulator', () => {
  it('gives the completion so far after each chunk', () => {
    const accumulator = createChatCompletionAccumulator();
    const contents: (string | null | undefined)[] = [];
    for (const chunk of chunks) {
      accumulator.push(chunk);
      contents.push(accumulator.result().choices[0]?.message.content);
    }
    expect(contents).toEqual(['', 'Hel', 'Hel', 'Hello!', 'Hello!', 'Hello!', 'Hello!', 'Hello!']);
  });

  it('merges legacy function_call pieces, refusals and delta fields it does not know', () => {
    const accumulator = createChatCompletionAccumulator();
    const pieces = [
      { role: 'assistant', content: null, reasoning_content: 'Think', function_call: { name: 'lookup', arguments: '' } },
      { reasoning_content: 'ing…', function_call: { arguments: '{"q":' } },
      { function_call: { arguments: '1}' }, refusal: null },
    ];
    for (const delta of pieces) accumulator.push(chatChunk([{ index: 0, delta, finish_reason: null }]));
    accumulator.push(chatChunk([{ index: 0, delta: { refusal: 'I cannot' }, finish_reason: null }]));
    accumulator.push(chatChunk([{ index: 0, delta: { refusal: ' help.' }, finish_reason: 'function_call' }]));

    expect(accumulator.result().choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: null, reasoning_content: 'Thinking…', function_call: { name: 'lookup', arguments: '{"q":1}' }, refusal: 'I cannot help.' },
        finish_reason: 'function_call',
        logprobs: null,
      },
    ]);
  });

  it('gives an empty completion before any chunk', () => {
    expect(createChatCompletionAccumulator().result()).toEqual({ id: '', object: 'chat.completion', created: 0, model: '', choices: [] });
  });
});
