import * as chat from '@openai-micro/chat';
import * as completions from '@openai-micro/completions';
import { getResponseMetadata } from '@openai-micro/core';
import { describe, expect, it } from 'vitest';
import { ctx } from '../context.js';
import { exercise, expectCall, only, requestJSON, responseJSON } from '../harness.js';
import { chatChunks, completionChunks, dataEvents, schemaViolations } from '../streams.js';

const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

/** Every message role and most body fields of the 2024-03 spec, zero values included. */
const chatParams = {
  model: 'gpt-4-0125-preview',
  messages: [
    { role: 'system' as const, content: 'You are terse.', name: 'house_rules' },
    {
      role: 'user' as const,
      content: [
        { type: 'text' as const, text: 'What is in this image, and the weather in Paris?' },
        { type: 'image_url' as const, image_url: { url: 'https://example.com/cat.png', detail: 'low' as const } },
      ],
    },
    {
      role: 'assistant' as const,
      content: null,
      tool_calls: [{ id: 'call_1', type: 'function' as const, function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
    },
    { role: 'tool' as const, tool_call_id: 'call_1', content: '{"temperature":21}' },
  ],
  tools: [weatherTool],
  tool_choice: { type: 'function' as const, function: { name: 'get_weather' } },
  temperature: 0,
  top_p: 1,
  n: 1,
  max_tokens: 64,
  presence_penalty: 0,
  frequency_penalty: 0.5,
  logit_bias: { '50256': -100 },
  logprobs: true,
  top_logprobs: 2,
  seed: 42,
  stop: ['\n\n'],
  response_format: { type: 'json_object' as const },
  user: 'user-1234',
};

export function chatCases(): void {
  describe('@openai-micro/chat', () => {
    it('createChatCompletion: every role and most fields pass Prism, the response parses', async () => {
      const { result, exchanges } = await exercise('@openai-micro/chat', chat, 'createChatCompletion', (fn) => fn(ctx.client, chatParams));
      const exchange = only(exchanges);
      expect(exchange.request.method).toBe('POST');
      expect(exchange.request.path).toBe('/v1/chat/completions');
      expect(requestJSON(exchange)).toEqual(chatParams);
      expect(result).toEqual(responseJSON(exchange));
      expect(getResponseMetadata(result).status).toBe(200);
    });

    it('createChatCompletion: a legacy function call and a plain string message pass too', async () => {
      const params = {
        model: 'gpt-3.5-turbo',
        messages: [
          { role: 'user' as const, content: 'Weather in Paris?' },
          { role: 'assistant' as const, content: null, function_call: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          { role: 'function' as const, name: 'get_weather', content: '{"temperature":21}' },
        ],
        functions: [weatherTool.function],
        function_call: 'auto' as const,
        stream: false as const,
      };
      const { exchanges } = await exercise('@openai-micro/chat', chat, 'createChatCompletion', (fn) => fn(ctx.client, params));
      expect(requestJSON(only(exchanges))).toEqual(params);
    });

    it('stream fixtures match CreateChatCompletionStreamResponse', async () => {
      for (const chunk of chatChunks) expect(await schemaViolations(ctx.prismURL, 'CreateChatCompletionStreamResponse', chunk)).toBeUndefined();
    });

    it('createChatCompletionStream: Prism accepts the body (stream: true), the client reads spec-shaped chunks', async () => {
      ctx.stream.script = dataEvents(chatChunks);
      const { result, exchanges } = await exercise('@openai-micro/chat', chat, 'createChatCompletionStream', async (fn) => {
        const stream = await fn(ctx.streamClient, chatParams);
        const received: unknown[] = [];
        for await (const chunk of stream) received.push(chunk);
        return { stream, received };
      });
      const exchange = only(exchanges);
      expect(exchange.request.path).toBe('/v1/chat/completions');
      expect(exchange.request.headers.accept).toBe('text/event-stream');
      expect(requestJSON(exchange)).toEqual({ ...chatParams, stream: true });
      expect(result.received).toEqual(chatChunks);
      expect(getResponseMetadata(result.stream).requestId).toBe('req_conformance_stream');
      const accumulator = chat.createChatCompletionAccumulator();
      for (const chunk of result.received) accumulator.push(chunk as chat.ChatCompletionChunk);
      expect(accumulator.result().choices[0]?.message.tool_calls?.[0]?.function).toEqual({ name: 'get_weather', arguments: '{"city":"Paris"}' });
    });
  });

  describe('@openai-micro/completions', () => {
    const completionParams = {
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Say this is a test',
      suffix: ' end',
      max_tokens: 16,
      temperature: 0,
      top_p: 1,
      n: 1,
      logprobs: 2,
      echo: false,
      stop: '\n',
      presence_penalty: 0,
      frequency_penalty: 0,
      best_of: 1,
      logit_bias: { '50256': -100 },
      seed: 7,
      user: 'user-1234',
    };

    it('createCompletion: a string prompt and every field pass Prism, the response parses', async () => {
      expectCall(await exercise('@openai-micro/completions', completions, 'createCompletion', (fn) => fn(ctx.client, completionParams)), 'POST', '/v1/completions', completionParams);
    });

    it('createCompletion: string-array, token and token-array prompts, and a stop array, pass too', async () => {
      for (const prompt of [['one', 'two'], [1212, 318], [[1212, 318], [257]]]) {
        const params = { model: 'davinci-002', prompt, stop: ['\n', '.'] };
        const { exchanges } = await exercise('@openai-micro/completions', completions, 'createCompletion', (fn) => fn(ctx.client, params));
        expect(requestJSON(only(exchanges))).toEqual(params);
      }
    });

    it('stream fixtures match CreateCompletionResponse', async () => {
      for (const chunk of completionChunks) expect(await schemaViolations(ctx.prismURL, 'CreateCompletionResponse', chunk)).toBeUndefined();
    });

    it('createCompletionStream: Prism accepts the body (stream: true), the client reads spec-shaped chunks', async () => {
      ctx.stream.script = dataEvents(completionChunks);
      const { result, exchanges } = await exercise('@openai-micro/completions', completions, 'createCompletionStream', async (fn) => {
        const stream = await fn(ctx.streamClient, completionParams);
        const received: unknown[] = [];
        for await (const chunk of stream) received.push(chunk);
        return received;
      });
      const exchange = only(exchanges);
      expect(exchange.request.path).toBe('/v1/completions');
      expect(requestJSON(exchange)).toEqual({ ...completionParams, stream: true });
      expect(result).toEqual(completionChunks);
    });
  });
}
