import { StreamEventError, StreamProtocolError } from '@openai-micro/core';
import { describe, expect, it } from 'vitest';
import { isFinalAssistantStreamEvent } from './assistant-stream.js';
import { createRunStream } from './create-run-stream.js';
import { runFixture, sseText, useServer } from './test-support.test-helper.js';
import type { AssistantStreamEvent } from './types.js';

const context = useServer();

async function collect(stream: AsyncIterable<AssistantStreamEvent>): Promise<{ events: string[]; failure: unknown }> {
  const events: string[] = [];
  try {
    for await (const event of stream) events.push(event.event);
  } catch (failure) {
    return { events, failure };
  }
  return { events, failure: undefined };
}

describe('assistant streams', () => {
  it('end normally on requires_action followed by [DONE]', async () => {
    const waiting = runFixture({ status: 'requires_action', required_action: { type: 'submit_tool_outputs', submit_tool_outputs: { tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] } } });
    context.server.handler = (_request, reply) => reply.sse([sseText([['thread.run.requires_action', waiting]])]);
    const { events, failure } = await collect(await createRunStream(context.client(), { thread_id: 'thread_abc', assistant_id: 'asst_abc' }));
    expect(failure).toBeUndefined();
    expect(events).toEqual(['thread.run.requires_action']);
  });

  it('throw a StreamEventError for an error event', async () => {
    context.server.handler = (_request, reply) =>
      reply.sse([sseText([['thread.run.created', runFixture()]], '\n', false), `event: error\ndata: ${JSON.stringify({ message: 'The server had an error', type: 'server_error', param: null, code: null })}\n\n`]);
    const { events, failure } = await collect(await createRunStream(context.client(), { thread_id: 'thread_abc', assistant_id: 'asst_abc' }));
    expect(events).toEqual(['thread.run.created']);
    expect(StreamEventError.isInstance(failure)).toBe(true);
    expect((failure as StreamEventError).message).toBe('The server had an error');
    expect((failure as StreamEventError).type).toBe('server_error');
  });

  it('report a stream cut before a final event or [DONE] as truncated', async () => {
    context.server.handler = (_request, reply) => reply.sse([sseText([['thread.run.created', runFixture()], ['thread.run.in_progress', runFixture({ status: 'in_progress' })]], '\n', false)]);
    const { events, failure } = await collect(await createRunStream(context.client(), { thread_id: 'thread_abc', assistant_id: 'asst_abc' }));
    expect(events).toEqual(['thread.run.created', 'thread.run.in_progress']);
    expect(StreamProtocolError.isInstance(failure)).toBe(true);
    expect((failure as StreamProtocolError).reason).toBe('truncated');
  });

  it('accept a stream that ends after a final event without [DONE]', async () => {
    context.server.handler = (_request, reply) => reply.sse([sseText([['thread.run.failed', runFixture({ status: 'failed', last_error: { code: 'server_error', message: 'boom' } })]], '\n', false)]);
    const { events, failure } = await collect(await createRunStream(context.client(), { thread_id: 'thread_abc', assistant_id: 'asst_abc' }));
    expect(failure).toBeUndefined();
    expect(events).toEqual(['thread.run.failed']);
  });
});

describe('isFinalAssistantStreamEvent', () => {
  it('is true for the events that end a run or wait for tool outputs', () => {
    const names = [
      'thread.created',
      'thread.run.created',
      'thread.run.queued',
      'thread.run.in_progress',
      'thread.run.requires_action',
      'thread.run.completed',
      'thread.run.incomplete',
      'thread.run.failed',
      'thread.run.cancelling',
      'thread.run.cancelled',
      'thread.run.expired',
      'thread.run.step.completed',
      'thread.message.delta',
      'thread.message.completed',
    ];
    const final = names.filter((name) => isFinalAssistantStreamEvent({ event: name, data: {} } as AssistantStreamEvent));
    expect(final).toEqual(['thread.run.requires_action', 'thread.run.completed', 'thread.run.incomplete', 'thread.run.failed', 'thread.run.cancelled', 'thread.run.expired']);
  });
});
