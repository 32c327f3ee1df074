import { getResponseMetadata, InputRejectedError } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import { jsonBody, useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createCompletion } from './create-completion.js';
import { testClient } from './test-support.js';
import type { CompletionChoice, CreateCompletionRequest, CreateCompletionResponse } from './types.js';

const completion: CreateCompletionResponse = {
  id: 'cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7',
  object: 'text_completion',
  created: 1_589_478_378,
  model: 'gpt-3.5-turbo-instruct',
  system_fingerprint: 'fp_44709d6fcb',
  choices: [
    {
      text: '\n\nThis is indeed a test',
      index: 0,
      logprobs: { tokens: ['\n', '\n', 'This'], token_logprobs: [null, -0.1, -0.2], top_logprobs: [null, { '\n': -0.1 }, { This: -0.2 }], text_offset: [0, 1, 2] },
      finish_reason: 'length',
    },
  ],
  usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
};

const loopback = useLoopbackServer((_request, reply) => reply.json(200, completion, { 'x-request-id': 'req_cmpl' }));

describe('createCompletion', () => {
  it('posts every field exactly as given, zero values and unknown newer fields included', async () => {
    const params = {
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Say this is a test',
      suffix: '\n-- end',
      max_tokens: 7,
      temperature: 0,
      top_p: 0,
      n: 1,
      best_of: 2,
      logprobs: 0,
      echo: false,
      stop: ['\n'],
      presence_penalty: 0,
      frequency_penalty: 0.5,
      logit_bias: { '50256': -100 },
      seed: 0,
      user: 'user-42',
      stream: false,
      a_future_field: [true],
    } satisfies CreateCompletionRequest & { a_future_field: unknown };
    const result = await createCompletion(testClient(loopback.server), params);

    const [received] = loopback.server.requests;
    expect(received?.method).toBe('POST');
    expect(received?.path).toBe('/v1/completions');
    expect(received?.headers.authorization).toBe('Bearer sk-test');
    expect(received?.headers['content-type']).toBe('application/json');
    expect(jsonBody(received!)).toEqual(params);
    expect(received?.body.toString()).toContain('"temperature":0,');

    expect(result).toEqual(completion);
    expectTypeOf(result.choices).toEqualTypeOf<CompletionChoice[]>();
    expect(result.choices[0]?.logprobs?.token_logprobs?.[0]).toBeNull();
    expect(getResponseMetadata(result).requestId).toBe('req_cmpl');
  });

  it.each([
    ['a string', 'Hello'],
    ['an empty string', ''],
    ['an array of strings', ['Hello', 'Bonjour']],
    ['an array of token ids', [15496, 11, 995]],
    ['an array of token-id arrays', [[15496], [33, 261, 73]]],
  ])('sends a prompt that is %s', async (_label, prompt) => {
    await createCompletion(testClient(loopback.server), { model: 'davinci-002', prompt });
    expect(jsonBody(loopback.server.requests[0]!)).toEqual({ model: 'davinci-002', prompt });
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', { text: 'Hello' }],
    ['a mix of strings and numbers', ['Hello', 42]],
    ['fractional token ids', [1.5, 2]],
    ['an empty token array inside', [[1, 2], []]],
    ['nested deeper', [[[1]]]],
  ])('refuses a prompt that is %s before sending (go-openai ErrCompletionRequestPromptTypeNotSupported)', async (_label, prompt) => {
    const error = await createCompletion(testClient(loopback.server), { model: 'davinci-002', prompt: prompt as never }).catch((caught: unknown) => caught);
    expect(InputRejectedError.isInstance(error)).toBe(true);
    expect((error as InputRejectedError).field).toBe('prompt');
    expect((error as Error).message).toMatch(/prompt must be a string, an array of strings/);
    expect(loopback.server.requests).toHaveLength(0);
  });

  it('refuses stream: true before sending (go-openai ErrCompletionStreamNotSupported)', async () => {
    const params = { model: 'gpt-3.5-turbo-instruct', prompt: 'Hi', stream: true };
    // @ts-expect-error streaming belongs to createCompletionStream
    const error = await createCompletion(testClient(loopback.server), params).catch((caught: unknown) => caught);
    expect(InputRejectedError.isInstance(error)).toBe(true);
    expect((error as InputRejectedError).field).toBe('stream');
    expect((error as Error).message).toMatch(/createCompletionStream/);
    expect(loopback.server.requests).toHaveLength(0);
  });

  it('goes to the Azure deployment of the model with the api-key header', async () => {
    const client = createAzureClient({ baseURL: loopback.server.url, apiKey: 'azure-key', apiVersion: '2024-02-01', deployment: () => 'my-instruct' });
    await createCompletion(client, { model: 'gpt-3.5-turbo-instruct', prompt: 'Hi' });
    const [received] = loopback.server.requests;
    expect(received?.path).toBe('/openai/deployments/my-instruct/completions');
    expect(received?.query.get('api-version')).toBe('2024-02-01');
    expect(received?.headers['api-key']).toBe('azure-key');
    expect(received?.headers.authorization).toBeUndefined();
  });
});
