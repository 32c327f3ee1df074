import { APIError, getResponseMetadata, InputRejectedError } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import { jsonBody, useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createChatCompletion } from './create-chat-completion.js';
import { testClient } from './test-support.js';
import type {
  ChatCompletionMessageToolCall,
  ContentFilterResult,
  CreateChatCompletionRequest,
  CreateChatCompletionResponse,
  PromptFilterResult,
} from './types.js';

const completion: CreateChatCompletionResponse = {
  id: 'chatcmpl-abc',
  object: 'chat.completion',
  created: 1_700_000_000,
  model: 'gpt-4o-mini-2024-07-18',
  system_fingerprint: 'fp_44709d6fcb',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Hello there!' },
      finish_reason: 'stop',
      logprobs: {
        content: [
          { token: 'Hello', logprob: -0.1, bytes: [72, 101, 108, 108, 111], top_logprobs: [{ token: 'Hello', logprob: -0.1, bytes: [72, 101, 108, 108, 111] }] },
          { token: ' there!', logprob: -0.5, bytes: null, top_logprobs: [] },
        ],
      },
    },
    {
      index: 1,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
      },
      finish_reason: null,
      logprobs: null,
    },
  ],
  usage: { prompt_tokens: 9, completion_tokens: 12, total_tokens: 21 },
};

const loopback = useLoopbackServer((_request, reply) =>
  reply.json(200, completion, { 'x-request-id': 'req_123', 'x-ratelimit-remaining-tokens': '149984', 'x-ratelimit-reset-tokens': '6m0s' }),
);

describe('createChatCompletion', () => {
  it('posts every field exactly as given, zero values and unknown newer fields included', async () => {
    const params = {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'You are terse.', name: 'setup' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in this image?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'low' } },
          ],
        },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'look', arguments: '{}' } }] },
        { role: 'tool', content: 'a cat', tool_call_id: 'call_1' },
        { role: 'function', content: 'legacy', name: 'look' },
      ],
      temperature: 0,
      top_p: 0,
      n: 1,
      max_tokens: 0,
      presence_penalty: 0,
      frequency_penalty: -0.5,
      logit_bias: { '50256': -100 },
      logprobs: false,
      top_logprobs: 0,
      seed: 0,
      stop: ['\n\n'],
      user: 'user-42',
      response_format: { type: 'json_object' },
      tools: [{ type: 'function', function: { name: 'look', description: 'Looks', parameters: { type: 'object', properties: {} } } }],
      tool_choice: { type: 'function', function: { name: 'look' } },
      functions: [{ name: 'legacy', parameters: { type: 'object' } }],
      function_call: { name: 'legacy' },
      stream: false,
      stream_options: null,
      parallel_tool_calls: false,
      a_future_field: { nested: [1, 2] },
    } satisfies CreateChatCompletionRequest & { a_future_field: unknown };

    await createChatCompletion(testClient(loopback.server), params);

    expect(loopback.server.requests).toHaveLength(1);
    const [received] = loopback.server.requests;
    expect(received?.method).toBe('POST');
    expect(received?.path).toBe('/v1/chat/completions');
    expect(received?.headers.authorization).toBe('Bearer sk-test');
    expect(received?.headers['content-type']).toBe('application/json');
    expect(received?.headers.accept).toBe('application/json');
    expect(jsonBody(received!)).toEqual(params);
    expect(received?.body.toString()).toContain('"temperature":0,');
  });

  it('sends tool_choice as a string and leaves out what is undefined', async () => {
    await createChatCompletion(testClient(loopback.server), {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
      tool_choice: 'required',
      temperature: undefined,
    });
    expect(jsonBody(loopback.server.requests[0]!)).toEqual({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], tool_choice: 'required' });
  });

  it('resolves the typed completion with its response metadata (go-openai CreateChatCompletionReturnHeader)', async () => {
    const result = await createChatCompletion(testClient(loopback.server), { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });

    expect(result).toEqual(completion);
    expectTypeOf(result.choices[0]!.finish_reason).toEqualTypeOf<CreateChatCompletionResponse['choices'][number]['finish_reason']>();
    expectTypeOf(result.choices[0]!.message.tool_calls).toEqualTypeOf<ChatCompletionMessageToolCall[] | undefined>();
    expectTypeOf(result.usage?.total_tokens).toEqualTypeOf<number | undefined>();
    expect(result.choices[0]?.logprobs?.content?.[0]?.bytes).toEqual([72, 101, 108, 108, 111]);
    expect(result.choices[1]?.finish_reason).toBeNull();
    expect(result.system_fingerprint).toBe('fp_44709d6fcb');

    const metadata = getResponseMetadata(result);
    expect(metadata.status).toBe(200);
    expect(metadata.requestId).toBe('req_123');
    expect(metadata.rateLimit.remainingTokens).toBe(149984);
    expect(metadata.rateLimit.resetTokensMs).toBe(360_000);
  });

  it('refuses stream: true before anything is sent (go-openai ErrChatCompletionStreamNotSupported)', async () => {
    const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hi' }], stream: true };
    // @ts-expect-error streaming belongs to createChatCompletionStream
    const error = await createChatCompletion(testClient(loopback.server), params).catch((caught: unknown) => caught);

    expect(InputRejectedError.isInstance(error)).toBe(true);
    expect((error as InputRejectedError).field).toBe('stream');
    expect((error as Error).message).toMatch(/createChatCompletionStream/);
    expect(loopback.server.requests).toHaveLength(0);
  });

  it('rejects with the API error the server sent', async () => {
    loopback.server.handler = (_request, reply) =>
      reply.json(400, { error: { message: "'messages' is too short", type: 'invalid_request_error', param: 'messages', code: null } });
    const error = await createChatCompletion(testClient(loopback.server), { model: 'gpt-4o-mini', messages: [] }).catch((caught: unknown) => caught);

    expect(APIError.isInstance(error)).toBe(true);
    expect((error as APIError).status).toBe(400);
    expect((error as APIError).param).toBe('messages');
  });

  it('goes to the Azure deployment of the model with the api-key header', async () => {
    const client = createAzureClient({
      baseURL: loopback.server.url,
      apiKey: 'azure-key',
      apiVersion: '2024-02-01',
      deployment: (model) => (model === 'gpt-4o' ? 'my-gpt4o' : model),
    });
    const result = await createChatCompletion(client, { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello Azure' }] });

    const [received] = loopback.server.requests;
    expect(received?.path).toBe('/openai/deployments/my-gpt4o/chat/completions');
    expect(received?.query.get('api-version')).toBe('2024-02-01');
    expect(received?.headers['api-key']).toBe('azure-key');
    expect(received?.headers.authorization).toBeUndefined();
    expect(jsonBody(received!)).toEqual({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello Azure' }] });
    expect(result.id).toBe('chatcmpl-abc');
  });

  it("types Azure's content filter results (go-openai ContentFilterResults, PromptAnnotation)", async () => {
    const verdict = { filtered: false, severity: 'safe' };
    const filters = { hate: verdict, self_harm: verdict, sexual: verdict, violence: { filtered: true, severity: 'medium' }, jailbreak: { filtered: false, detected: false } };
    loopback.server.handler = (_request, reply) =>
      reply.json(200, {
        ...completion,
        prompt_filter_results: [{ prompt_index: 0, content_filter_results: filters }],
        choices: [{ ...completion.choices[0], content_filter_results: filters }],
      });
    const client = createAzureClient({ baseURL: loopback.server.url, apiKey: 'azure-key', apiVersion: '2024-02-01' });
    const result = await createChatCompletion(client, { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello Azure' }] });

    expect(result.prompt_filter_results?.[0]?.content_filter_results.violence).toEqual({ filtered: true, severity: 'medium' });
    expect(result.choices[0]?.content_filter_results?.jailbreak).toEqual({ filtered: false, detected: false });
    expectTypeOf(result.choices[0]!.content_filter_results!.hate).toEqualTypeOf<ContentFilterResult | undefined>();
    expectTypeOf(result.prompt_filter_results).toEqualTypeOf<PromptFilterResult[] | undefined>();
  });
});
