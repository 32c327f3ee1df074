import { type ChatCompletionMessageToolCall, InputRejectedError, OpenAIMicroError } from '@openai-micro/core';
import * as v from 'valibot';
import { thrownBy } from '@openai-micro/tooling/test-client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineTool } from './define-tool.js';
import { parseToolCall } from './parse-tool-call.js';
import { ToolArgumentsError } from './tool-arguments-error.js';
import { UnknownToolError } from './unknown-tool-error.js';

const weather = defineTool({
  name: 'get_weather',
  parameters: v.object({ city: v.string(), days: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1) }),
});

function call(argumentsText: string, name = 'get_weather'): ChatCompletionMessageToolCall {
  return { id: 'call_1', type: 'function', function: { name, arguments: argumentsText } };
}

describe('parseToolCall and tool.parse', () => {
  it('return the typed output of the schema', () => {
    const parsed = parseToolCall(weather, call('{"city":"Paris"}'));

    expect(parsed).toEqual({ city: 'Paris', days: 1 });
    expect(weather.parse(call('{"city":"Oslo","days":3}'))).toEqual({ city: 'Oslo', days: 3 });
    expectTypeOf(parsed).toEqualTypeOf<{ city: string; days: number }>();
    // core's type, which chat's stream accumulation produces: tools reads it without depending on chat.
    expectTypeOf(parseToolCall).parameter(1).toEqualTypeOf<ChatCompletionMessageToolCall>();
  });

  it('treat empty arguments as an empty object', () => {
    const noArguments = defineTool({ name: 'now', parameters: v.object({}) });
    expect(noArguments.parse(call('', 'now'))).toEqual({});
  });

  it('throw a ToolArgumentsError for text that is not JSON', () => {
    const failure = thrownBy(() => weather.parse(call('{"city": "Par')));

    expect(ToolArgumentsError.isInstance(failure)).toBe(true);
    expect(failure).toBeInstanceOf(OpenAIMicroError);
    expect(failure).toMatchObject({ name: 'ToolArgumentsError', reason: 'json', toolName: 'get_weather', toolCallId: 'call_1', argumentsText: '{"city": "Par', issues: undefined });
    expect((failure as Error).message).toMatch(/^The arguments for tool "get_weather" are not valid JSON: /);
    expect((failure as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('throw a ToolArgumentsError with valibot issues for values that fail the schema', () => {
    const failure = thrownBy(() => weather.parse(call('{"city":7,"days":0.5}'))) as ToolArgumentsError;

    expect(ToolArgumentsError.isInstance(failure)).toBe(true);
    expect(failure.reason).toBe('schema');
    expect(failure.issues?.map((issue) => [v.getDotPath(issue), issue.type])).toEqual([
      ['city', 'string'],
      ['days', 'integer'],
      ['days', 'min_value'],
    ]);
    expect(failure.message).toMatch(/do not match its parameters:\n× Invalid type: Expected string but received 7\n {2}→ at city/);
  });

  it('refuse a call for another tool', () => {
    const failure = thrownBy(() => parseToolCall(weather, call('{}', 'get_time')));

    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('toolCall');
  });
});

describe('ToolArgumentsError.isInstance', () => {
  it('recognises the error from another copy of the package by name, and nothing else', () => {
    const foreign = Object.assign(new Error('from another copy'), { name: 'ToolArgumentsError', [Symbol.for('openai-micro.error')]: true });
    const own = new ToolArgumentsError('bad', { reason: 'json', toolName: 'a', toolCallId: 'b', argumentsText: '' });

    expect(ToolArgumentsError.isInstance(foreign)).toBe(true);
    expect(ToolArgumentsError.isInstance(new Error('plain'))).toBe(false);
    expect(UnknownToolError.isInstance(own)).toBe(false);
    expect(OpenAIMicroError.isInstance(own)).toBe(true);
    expect(own.name).toBe('ToolArgumentsError');
  });
});
