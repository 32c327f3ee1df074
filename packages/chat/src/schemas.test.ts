import { createClient, getResponseMetadata, ResponseParseError } from '@openai-micro/core';
import { chatCompletionReply, jsonReply, startTestServer, type TestServer } from '@openai-micro/testing';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChatCompletion } from './create-chat-completion.js';
import { createChatCompletionStream } from './create-chat-completion-stream.js';
import { createChatCompletionResponseSchema, createChatCompletionStreamResponseSchema } from './schemas.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => server.reset());
afterAll(() => server.close());

const client = () => createClient({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });
const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hi' }] };

describe('chat response schemas', () => {
  it('are built once, on first call', () => {
    expect(createChatCompletionResponseSchema()).toBe(createChatCompletionResponseSchema());
    expect(createChatCompletionStreamResponseSchema()['~standard'].vendor).toBe('valibot');
  });

  it('validate a chat completion and resolve the validated value, extra fields and metadata kept', async () => {
    const completion = await createChatCompletion(client(), { ...params, n: 2 }, { schema: createChatCompletionResponseSchema() });
    expect(completion.choices).toHaveLength(2);
    expect(completion.choices[0]?.message.content).toBe('Hello! This is the openai-micro test server.');
    expect(getResponseMetadata(completion).requestId).toMatch(/^req_/);
    // Loose objects: fields newer than the schema pass through.
    expect(v.parse(createChatCompletionResponseSchema(), { ...completion, future_field: { a: 1 } })).toMatchObject({ future_field: { a: 1 } });
  });

  it('accept tool calls, a legacy function call and null content', async () => {
    server.replyOnce('POST /v1/chat/completions', chatCompletionReply({ content: null, toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }] }));
    const withTools = await createChatCompletion(client(), params, { schema: createChatCompletionResponseSchema() });
    expect(withTools.choices[0]?.message.tool_calls?.[0]?.function.arguments).toBe('{"city":"Paris"}');
    server.replyOnce('POST /v1/chat/completions', chatCompletionReply({ content: null, functionCall: { name: 'get_weather', arguments: '{}' } }));
    const withFunction = await createChatCompletion(client(), params, { schema: createChatCompletionResponseSchema() });
    expect(withFunction.choices[0]?.message.function_call?.name).toBe('get_weather');
  });

  it('reject a malformed completion with ResponseParseError carrying the issues', async () => {
    server.replyOnce(
      'POST /v1/chat/completions',
      jsonReply({ id: 'chatcmpl-1', object: 'chat.completion', created: 'yesterday', model: 'gpt-4o-mini', choices: [{ index: 0, message: { role: 'assistant' } }] }),
    );
    const error = await createChatCompletion(client(), params, { schema: createChatCompletionResponseSchema() }).catch((caught: unknown) => caught);
    expect(ResponseParseError.isInstance(error)).toBe(true);
    const paths = (error as ResponseParseError).issues!.map((issue) => v.getDotPath(issue as v.BaseIssue<unknown>));
    expect(paths).toEqual(expect.arrayContaining(['created', 'choices.0.message.content', 'choices.0.finish_reason']));
  });

  it('validate every chunk of a stream, the usage chunk included, and reject a malformed one', async () => {
    const schema = createChatCompletionStreamResponseSchema();
    const stream = await createChatCompletionStream(client(), { ...params, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const chunk of stream) chunks.push(v.parse(schema, chunk));
    expect(chunks.at(-1)?.usage?.total_tokens).toBeGreaterThan(0);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('Hello! This is the openai-micro test server.');
    expect(v.safeParse(schema, { ...chunks[0], choices: [{ index: 0, delta: { content: 7 }, finish_reason: null }] }).success).toBe(false);
  });
});
