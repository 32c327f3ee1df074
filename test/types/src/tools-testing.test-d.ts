import type { ChatCompletionMessageToolCall } from '@openai-micro/core';
import { startTestServer, type TestServer, chatCompletionReply, errorReply, jsonReply } from '@openai-micro/testing';
import { defineTool, object, parseToolCall, runToolCalls, string, type Tool, ToolArgumentsError, UnknownToolError } from '@openai-micro/tools';
import * as v from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';

describe('tools', () => {
  const parameters = v.object({ city: v.string(), unit: v.optional(v.picklist(['c', 'f'])) });
  const weather = defineTool({
    name: 'get_weather',
    description: 'The weather in a city',
    parameters,
    execute: ({ city }) => ({ city, degrees: 21 }),
  });
  const toolCall = {} as ChatCompletionMessageToolCall;

  test('defineTool infers the arguments and the result from the schema and execute', () => {
    expectTypeOf(weather.name).toEqualTypeOf<string>();
    expectTypeOf(weather.type).toEqualTypeOf<'function'>();
    expectTypeOf(weather.parse(toolCall)).toEqualTypeOf<{ city: string; unit?: 'c' | 'f' | undefined }>();
    expectTypeOf(weather).toEqualTypeOf<Tool<typeof parameters, { city: string; degrees: number }>>();
    expectTypeOf(parseToolCall(weather, toolCall)).toEqualTypeOf<{ city: string; unit?: 'c' | 'f' | undefined }>();
    expectTypeOf(runToolCalls([weather], [toolCall])).resolves.toEqualTypeOf<{ role: 'tool'; tool_call_id: string; content: string }[]>();
    // @ts-expect-error execute receives the parsed arguments
    defineTool({ name: 'bad', parameters: v.object({ city: v.string() }), execute: ({ town }: { town: number }) => town });
  });

  test('builders produce JSON Schema definitions; required names are checked', () => {
    object({ city: string({ description: 'City name' }) }, { required: ['city'] });
    // @ts-expect-error required names must be properties
    object({ city: string() }, { required: ['town'] });
  });

  test('tool errors narrow with isInstance', () => {
    const error: unknown = undefined;
    if (ToolArgumentsError.isInstance(error)) expectTypeOf(error.reason).toEqualTypeOf<'json' | 'schema'>();
    if (UnknownToolError.isInstance(error)) expectTypeOf(error.knownTools).toEqualTypeOf<readonly string[]>();
  });
});

describe('testing', () => {
  test('startTestServer resolves to a server with a URL, scripts and recorded requests', async () => {
    const server = await startTestServer();
    expectTypeOf(server).toEqualTypeOf<TestServer>();
    expectTypeOf(server.url).toEqualTypeOf<string>();
    server.reply('POST /v1/chat/completions', chatCompletionReply({ content: 'Hello' }));
    server.replyOnce('POST /v1/chat/completions', errorReply(429));
    server.reply('GET /v1/models', jsonReply({ object: 'list', data: [] }));
    expectTypeOf(server.close()).resolves.toEqualTypeOf<void>();
  });
});
