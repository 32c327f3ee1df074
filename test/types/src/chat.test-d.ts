import {
  accumulateChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionFinishReason,
  type ChatCompletionRequestMessage,
  type ChatCompletionRole,
  type ChatModel,
  type CreateChatCompletionParams,
  type CreateChatCompletionResponse,
  type CreateChatCompletionStreamParams,
  type CreateChatCompletionStreamResponse,
  createChatCompletion,
  createChatCompletionStream,
  textDeltas,
  toEventStreamResponse,
} from '@openai-micro/chat';
import {
  type ChatCompletionMessageToolCall,
  type Client,
  type CompletionUsage,
  createClient,
  type EventStream,
  getResponseMetadata,
  type RequestOptions,
} from '@openai-micro/core';
import { describe, expectTypeOf, test } from 'vitest';

const client = createClient({ apiKey: 'sk-test' });
const messages: ChatCompletionRequestMessage[] = [{ role: 'user', content: 'Hi' }];

describe('createChatCompletion', () => {
  test('takes (client, params, options?) and resolves to a completion', () => {
    expectTypeOf(createChatCompletion).parameters.toEqualTypeOf<
      [client: Client, params: CreateChatCompletionParams, options?: RequestOptions<CreateChatCompletionResponse>]
    >();
    expectTypeOf(createChatCompletion).returns.resolves.toEqualTypeOf<CreateChatCompletionResponse>();
  });

  test('model and messages are required; the rest are optional wire fields', () => {
    createChatCompletion(client, { model: 'gpt-4o-mini', messages, temperature: 0, max_tokens: null, tool_choice: 'auto' });
    // @ts-expect-error model is required
    createChatCompletion(client, { messages });
    // @ts-expect-error messages is required
    createChatCompletion(client, { model: 'gpt-4o-mini' });
    // @ts-expect-error streaming has its own function
    createChatCompletion(client, { model: 'gpt-4o-mini', messages, stream: true });
    // @ts-expect-error a message needs a known shape
    createChatCompletion(client, { model: 'gpt-4o-mini', messages: [{ content: 'no role' }] });
  });

  test('model accepts the known names and any other string', () => {
    expectTypeOf<'gpt-4o-mini'>().toExtend<CreateChatCompletionParams['model']>();
    expectTypeOf<typeof ChatModel.GPT4oMini>().toExtend<CreateChatCompletionParams['model']>();
    expectTypeOf<'my-fine-tuned-model'>().toExtend<CreateChatCompletionParams['model']>();
    expectTypeOf<'stop'>().toExtend<ChatCompletionFinishReason>();
    expectTypeOf<'a-newer-reason'>().toExtend<ChatCompletionFinishReason>();
    expectTypeOf<'developer'>().toExtend<ChatCompletionRole>();
  });

  test('the result is the spec CreateChatCompletionResponse', async () => {
    const completion = await createChatCompletion(client, { model: 'gpt-4o-mini', messages });
    expectTypeOf(completion.id).toEqualTypeOf<string>();
    expectTypeOf(completion.choices[0]).toEqualTypeOf<CreateChatCompletionResponse['choices'][number] | undefined>();
    const choice = completion.choices[0]!;
    expectTypeOf(choice.message.content).toEqualTypeOf<string | null>();
    expectTypeOf(choice.message.tool_calls).toEqualTypeOf<ChatCompletionMessageToolCall[] | undefined>();
    expectTypeOf(choice.finish_reason).toEqualTypeOf<ChatCompletionFinishReason | null>();
    expectTypeOf(completion.usage).toEqualTypeOf<CompletionUsage | undefined>();
    expectTypeOf(getResponseMetadata(completion).requestId).toEqualTypeOf<string | undefined>();
  });
});

describe('createChatCompletionStream', () => {
  test('takes (client, params, options?) and resolves to an EventStream of chunks', () => {
    expectTypeOf(createChatCompletionStream).parameter(1).toEqualTypeOf<CreateChatCompletionStreamParams>();
    expectTypeOf(createChatCompletionStream).parameter(2).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(createChatCompletionStream).returns.resolves.toEqualTypeOf<EventStream<CreateChatCompletionStreamResponse>>();
    expectTypeOf<ChatCompletionChunk>().toEqualTypeOf<CreateChatCompletionStreamResponse>();
    createChatCompletionStream(client, { model: 'gpt-4o-mini', messages, stream: true, stream_options: { include_usage: true } });
    // @ts-expect-error a stream function cannot be told not to stream
    createChatCompletionStream(client, { model: 'gpt-4o-mini', messages, stream: false });
  });

  test('iterating the stream yields chunks with deltas', async () => {
    const stream = await createChatCompletionStream(client, { model: 'gpt-4o-mini', messages });
    for await (const chunk of stream) {
      expectTypeOf(chunk).toEqualTypeOf<CreateChatCompletionStreamResponse>();
      expectTypeOf(chunk.choices[0]?.delta.content).toEqualTypeOf<string | null | undefined>();
      expectTypeOf(chunk.usage).toEqualTypeOf<CompletionUsage | null | undefined>();
      const toolCall = chunk.choices[0]?.delta.tool_calls?.[0];
      if (toolCall) expectTypeOf(toolCall.index).toEqualTypeOf<number>();
    }
    expectTypeOf(getResponseMetadata(stream).status).toEqualTypeOf<number>();
  });

  test('stream helpers take any async iterable of chunks', async () => {
    const stream = await createChatCompletionStream(client, { model: 'gpt-4o-mini', messages });
    expectTypeOf(accumulateChatCompletion(stream)).resolves.toEqualTypeOf<CreateChatCompletionResponse>();
    for await (const text of textDeltas(stream)) expectTypeOf(text).toEqualTypeOf<string>();
    expectTypeOf(toEventStreamResponse(stream)).toEqualTypeOf<Response>();
  });
});
