import { createClient } from '@openai-micro/core';
import { jsonBody, testClientOptions, useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { answerWithTools, weatherTool } from '../examples/tool-loop.js';

const toolCalls = [
  { id: 'call_paris', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
  { id: 'call_oslo', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo","unit":"fahrenheit"}' } },
];

function completion(message: object, finishReason: string) {
  return { id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'gpt-4o-mini', choices: [{ index: 0, message, finish_reason: finishReason }] };
}

const loopback = useLoopbackServer((request, reply) => {
  const { messages } = jsonBody(request) as { messages: { role: string }[] };
  return messages.at(-1)?.role === 'user'
    ? reply.json(200, completion({ role: 'assistant', content: null, tool_calls: toolCalls }, 'tool_calls'))
    : reply.json(200, completion({ role: 'assistant', content: 'Paris is warmer: 21°C against 70°F (21°C) in Oslo.' }, 'stop'));
});

describe('the tool-calling loop of examples/tool-loop.ts', () => {
  it('runs the tool calls of the first reply and sends their results in the second request', async () => {
    const client = createClient(testClientOptions(loopback.server));
    const { answer } = await answerWithTools(client, { model: 'gpt-4o-mini', question: 'Warmer in Paris or Oslo?', tools: [weatherTool] });

    expect(answer).toBe('Paris is warmer: 21°C against 70°F (21°C) in Oslo.');
    expect(loopback.server.requests.map((request) => [request.method, request.path, request.headers.authorization])).toEqual([
      ['POST', '/v1/chat/completions', 'Bearer sk-test'],
      ['POST', '/v1/chat/completions', 'Bearer sk-test'],
    ]);
    const [first, second] = loopback.server.requests.map(jsonBody);
    const tools = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'The current weather in a city',
          parameters: {
            type: 'object',
            properties: { city: { type: 'string', description: 'The city, such as Paris' }, unit: { enum: ['celsius', 'fahrenheit'], type: 'string' } },
            required: ['city'],
          },
        },
      },
    ];
    expect(first).toEqual({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Warmer in Paris or Oslo?' }], tools });
    expect(second).toEqual({
      model: 'gpt-4o-mini',
      tools,
      messages: [
        { role: 'user', content: 'Warmer in Paris or Oslo?' },
        { role: 'assistant', content: null, tool_calls: toolCalls },
        { role: 'tool', tool_call_id: 'call_paris', content: '{"city":"Paris","unit":"celsius","temperature":21}' },
        { role: 'tool', tool_call_id: 'call_oslo', content: '{"city":"Oslo","unit":"fahrenheit","temperature":70}' },
      ],
    });
  });
});
