import {
  type CompletionChunk,
  type CreateCompletionParams,
  type CreateCompletionResponse,
  type CreateEditResponse,
  createCompletion,
  createCompletionStream,
  createEdit,
} from '@openai-micro/completions';
import { type Client, createClient, type EventStream, type RequestOptions } from '@openai-micro/core';
import { describe, expectTypeOf, test } from 'vitest';

const client = createClient({ apiKey: 'sk-test' });

describe('completions', () => {
  test('createCompletion takes (client, params, options?) and resolves to a completion', async () => {
    expectTypeOf(createCompletion).parameters.toEqualTypeOf<
      [client: Client, params: CreateCompletionParams, options?: RequestOptions<CreateCompletionResponse>]
    >();
    const completion = await createCompletion(client, { model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi', max_tokens: 5 });
    expectTypeOf(completion.choices[0]?.text).toEqualTypeOf<string | undefined>();
    // @ts-expect-error prompt is required
    createCompletion(client, { model: 'gpt-3.5-turbo-instruct' });
    // @ts-expect-error streaming has its own function
    createCompletion(client, { model: 'gpt-3.5-turbo-instruct', prompt: 'x', stream: true });
    createCompletion(client, { model: 'a-compatible-server-model', prompt: [1, 2, 3] });
  });

  test('createCompletionStream yields completion chunks', async () => {
    expectTypeOf(createCompletionStream).returns.resolves.toEqualTypeOf<EventStream<CompletionChunk>>();
    const stream = await createCompletionStream(client, { model: 'gpt-3.5-turbo-instruct', prompt: 'Count' });
    for await (const chunk of stream) expectTypeOf(chunk.choices[0]?.text).toEqualTypeOf<string | undefined>();
  });

  test('createEdit (deprecated) requires an instruction', () => {
    expectTypeOf(createEdit).returns.resolves.toEqualTypeOf<CreateEditResponse>();
    createEdit(client, { model: 'text-davinci-edit-001', input: 'teh', instruction: 'Fix the spelling' });
    // @ts-expect-error instruction is required
    createEdit(client, { model: 'text-davinci-edit-001', input: 'teh' });
  });
});
