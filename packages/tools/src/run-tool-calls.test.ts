import { type ChatCompletionMessageToolCall, InputRejectedError } from '@openai-micro/core';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { defineTool } from './define-tool.js';
import { runToolCalls } from './run-tool-calls.js';
import { ToolArgumentsError } from './tool-arguments-error.js';
import { UnknownToolError } from './unknown-tool-error.js';

function call(id: string, name: string, argumentsText: string): ChatCompletionMessageToolCall {
  return { id, type: 'function', function: { name, arguments: argumentsText } };
}

function tools(log: string[] = []) {
  const add = defineTool({
    name: 'add',
    parameters: v.object({ a: v.number(), b: v.number() }),
    execute: async ({ a, b }, { toolCall }) => {
      log.push(`add ${toolCall.id}`);
      // The slower call finishes last, yet its message keeps its place.
      await new Promise((resolve) => setTimeout(resolve, a));
      return { sum: a + b };
    },
  });
  const shout = defineTool({
    name: 'shout',
    parameters: v.object({ text: v.string() }),
    execute: ({ text }) => {
      log.push('shout');
      return text.toUpperCase();
    },
  });
  const nothing = defineTool({ name: 'nothing', parameters: v.object({}), execute: () => undefined });
  return [add, shout, nothing];
}

describe('runToolCalls', () => {
  it('answers every call with a tool message, in call order', async () => {
    const messages = await runToolCalls(tools(), [
      call('call_1', 'add', '{"a":30,"b":2}'),
      call('call_2', 'shout', '{"text":"hi"}'),
      call('call_3', 'add', '{"a":0,"b":0}'),
      call('call_4', 'nothing', '{}'),
    ]);

    expect(messages).toEqual([
      { role: 'tool', tool_call_id: 'call_1', content: '{"sum":32}' },
      { role: 'tool', tool_call_id: 'call_2', content: 'HI' },
      { role: 'tool', tool_call_id: 'call_3', content: '{"sum":0}' },
      { role: 'tool', tool_call_id: 'call_4', content: '' },
    ]);
  });

  it('returns nothing for no tool calls', async () => {
    expect(await runToolCalls(tools(), undefined)).toEqual([]);
    expect(await runToolCalls(tools(), [])).toEqual([]);
  });

  it('refuses an unknown tool before running any tool', async () => {
    const log: string[] = [];
    const failure = await runToolCalls(tools(log), [call('call_1', 'shout', '{"text":"a"}'), call('call_2', 'delete_everything', '{}')]).catch(
      (error: unknown) => error,
    );

    expect(UnknownToolError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ toolName: 'delete_everything', toolCallId: 'call_2', knownTools: ['add', 'shout', 'nothing'] });
    expect((failure as Error).message).toContain('"delete_everything" (call call_2), which is not among the tools given: add, shout, nothing');
    expect(log).toEqual([]);
  });

  it('refuses a tool call of another type', async () => {
    const failure = await runToolCalls(tools(), [{ ...call('call_1', 'shout', '{}'), type: 'code_interpreter' }]).catch((error: unknown) => error);

    expect(UnknownToolError.isInstance(failure)).toBe(true);
    expect((failure as Error).message).toMatch(/of type "code_interpreter"/);
  });

  it('throws invalid arguments before running any tool, or replies with them when asked', async () => {
    const log: string[] = [];
    const calls = [call('call_1', 'shout', '{"text":"a"}'), call('call_2', 'add', '{"a":"one"}')];

    const failure = await runToolCalls(tools(log), calls).catch((error: unknown) => error);
    expect(ToolArgumentsError.isInstance(failure)).toBe(true);
    expect(log).toEqual([]);

    const messages = await runToolCalls(tools(log), calls, { invalidArguments: 'reply' });
    expect(messages[0]).toEqual({ role: 'tool', tool_call_id: 'call_1', content: 'A' });
    expect(messages[1]?.content).toMatch(/^Error: The arguments for tool "add" do not match its parameters:\n× Invalid type: Expected number but received "one"/);
    expect(log).toEqual(['shout']);
  });

  it('refuses a tool without execute and passes the signal to execute', async () => {
    const described = defineTool({ name: 'described', parameters: v.object({}) });
    const failure = await runToolCalls([described], [call('call_1', 'described', '{}')]).catch((error: unknown) => error);
    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('tools');

    const controller = new AbortController();
    const seen: unknown[] = [];
    const watcher = defineTool({ name: 'watcher', parameters: v.object({}), execute: (_, { signal }) => void seen.push(signal) });
    await runToolCalls([watcher], [call('call_1', 'watcher', '{}')], { signal: controller.signal });
    expect(seen).toEqual([controller.signal]);
  });
});
