import type { ChatCompletionMessageToolCall } from '@openai-micro/core';
import { sseEvents, useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { assembleToolCalls, createToolCallAccumulator } from './assemble-tool-calls.js';
import { createChatCompletionStream } from './create-chat-completion-stream.js';
import { chatChunk, testClient } from './test-support.js';
import type { ChatCompletionChunk, ChatCompletionMessageToolCallChunk } from './types.js';

/** Two parallel calls whose argument JSON arrives interleaved, a few characters at a time. */
function parallelToolCallChunks(): ChatCompletionChunk[] {
  const weather = '{"city":"Paris","unit":"celsius"}';
  const time = '{"zone":"Europe/Paris"}';
  const pieces: ChatCompletionMessageToolCallChunk[][] = [
    [{ index: 0, id: 'call_weather', type: 'function', function: { name: 'get_weather', arguments: '' } }],
    [{ index: 1, id: 'call_time', type: 'function', function: { name: 'get_time', arguments: '' } }],
  ];
  for (let offset = 0; offset < Math.max(weather.length, time.length); offset += 3) {
    const step: ChatCompletionMessageToolCallChunk[] = [];
    if (offset < weather.length) step.push({ index: 0, function: { arguments: weather.slice(offset, offset + 3) } });
    if (offset < time.length) step.push({ index: 1, function: { arguments: time.slice(offset, offset + 3) } });
    pieces.push(step);
  }
  const chunks = pieces.map((tool_calls) => chatChunk([{ index: 0, delta: { tool_calls }, finish_reason: null }]));
  chunks.unshift(chatChunk([{ index: 0, delta: { role: 'assistant', content: null }, finish_reason: null }]));
  chunks.push(chatChunk([{ index: 0, delta: {}, finish_reason: 'tool_calls' }]));
  return chunks;
}

const expectedCalls = [
  { id: 'call_weather', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' } },
  { id: 'call_time', type: 'function', function: { name: 'get_time', arguments: '{"zone":"Europe/Paris"}' } },
];

describe('createToolCallAccumulator', () => {
  const loopback = useLoopbackServer((_request, reply) => reply.sse(sseEvents(parallelToolCallChunks()), { delayMs: 1 }));

  it('assembles two parallel tool calls from many deltas of a real stream', async () => {
    const stream = await createChatCompletionStream(testClient(loopback.server), { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Weather and time in Paris?' }] });
    const accumulator = createToolCallAccumulator();
    let pushed = 0;
    for await (const chunk of stream) {
      accumulator.push(chunk);
      pushed++;
    }
    expect(pushed).toBeGreaterThan(10);
    expect(accumulator.result()).toEqual(expectedCalls);
    expect(JSON.parse(accumulator.result()[0]!.function.arguments)).toEqual({ city: 'Paris', unit: 'celsius' });
    // core's type, which @openai-micro/tools parses and runs without depending on this package.
    expectTypeOf(accumulator.result()).toEqualTypeOf<ChatCompletionMessageToolCall[]>();
  });

  it('shows the calls so far while the stream is still going', () => {
    const accumulator = createToolCallAccumulator();
    const chunks = parallelToolCallChunks();
    for (const chunk of chunks.slice(0, 4)) accumulator.push(chunk);
    expect(accumulator.result()).toEqual([
      { id: 'call_weather', type: 'function', function: { name: 'get_weather', arguments: '{"c' } },
      { id: 'call_time', type: 'function', function: { name: 'get_time', arguments: '{"z' } },
    ]);
    // result() hands out copies: changing them does not touch what is accumulated.
    accumulator.result()[0]!.function.arguments = 'changed';
    for (const chunk of chunks.slice(4)) accumulator.push(chunk);
    expect(accumulator.result()).toEqual(expectedCalls);
  });

  it('follows the chosen choice only', () => {
    const accumulator = createToolCallAccumulator({ choice: 1 });
    accumulator.push(
      chatChunk([
        { index: 0, delta: { tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'a', arguments: '{}' } }] }, finish_reason: null },
        { index: 1, delta: { tool_calls: [{ index: 0, id: 'call_b', type: 'function', function: { name: 'b', arguments: '{}' } }] }, finish_reason: null },
      ]),
    );
    expect(accumulator.result()).toEqual([{ id: 'call_b', type: 'function', function: { name: 'b', arguments: '{}' } }]);
  });
});

describe('assembleToolCalls', () => {
  it('merges deltas by index whatever order the indexes arrive in', () => {
    const deltas = parallelToolCallChunks().flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
    expect(assembleToolCalls(deltas)).toEqual(expectedCalls);
    expect(assembleToolCalls([...deltas].reverse().filter((delta) => delta.id))).toEqual(
      expectedCalls.map((call) => ({ ...call, function: { ...call.function, arguments: '' } })),
    );
  });

  it('keeps a name that a server repeats in every delta instead of doubling it', () => {
    const calls = assembleToolCalls([
      { index: 0, id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":' } },
      { index: 0, id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '"x"}' } },
    ]);
    expect(calls).toEqual([{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }]);
  });

  it('splits deltas without an index by their ids, as some compatible servers send them', () => {
    const withoutIndex = [
      { id: 'call_1', function: { name: 'first', arguments: '{"a"' } },
      { function: { arguments: ':1}' } },
      { id: 'call_2', function: { name: 'second', arguments: '{}' } },
    ] as unknown as ChatCompletionMessageToolCallChunk[];
    expect(assembleToolCalls(withoutIndex)).toEqual([
      { id: 'call_1', type: 'function', function: { name: 'first', arguments: '{"a":1}' } },
      { id: 'call_2', type: 'function', function: { name: 'second', arguments: '{}' } },
    ]);
  });

  it('returns no calls for no deltas', () => {
    expect(assembleToolCalls([])).toEqual([]);
  });
});
