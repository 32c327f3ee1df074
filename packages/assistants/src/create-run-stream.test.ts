import { splitAt } from '@openai-micro/tooling/loopback';
import { describe, expect, it } from 'vitest';
import { createRunStream } from './create-run-stream.js';
import { betaHeaders, jsonBody, runFixture, sseText, useServer } from './test-support.test-helper.js';
import type { AssistantStreamEvent } from './types.js';

const context = useServer();
const delta = { id: 'msg_1', object: 'thread.message.delta', delta: { content: [{ index: 0, type: 'text', text: { value: 'Héllo 🌍, ça va ?' } }] } };
const body = sseText(
  [
    ['thread.run.created', runFixture({ status: 'queued' })],
    ['thread.run.in_progress', runFixture({ status: 'in_progress' })],
    ['thread.message.delta', delta],
    ['thread.run.completed', runFixture({ status: 'completed', usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } })],
  ],
  '\r\n',
);

describe('createRunStream', () => {
  it('POSTs the run with stream: true and yields typed events from a stream split into single bytes', async () => {
    context.server.handler = (_request, reply) => reply.chunks(200, { 'content-type': 'text/event-stream' }, splitAt(body, 'bytes'));
    const stream = await createRunStream(context.client(), { thread_id: 'thread_abc', assistant_id: 'asst_abc', instructions: '', temperature: 0 });
    const events: AssistantStreamEvent[] = [];
    for await (const event of stream) events.push(event);

    const [seen] = context.server.requests;
    expect([seen?.method, seen?.url]).toEqual(['POST', '/v1/threads/thread_abc/runs']);
    expect(seen?.headers.accept).toBe('text/event-stream');
    expect(betaHeaders(seen)).toEqual(['assistants=v1']);
    expect(jsonBody(seen)).toEqual({ assistant_id: 'asst_abc', instructions: '', temperature: 0, stream: true });
    expect(events.map((event) => event.event)).toEqual(['thread.run.created', 'thread.run.in_progress', 'thread.message.delta', 'thread.run.completed']);
    const text = events.flatMap((event) => (event.event === 'thread.message.delta' ? (event.data.delta.content ?? []).map((part) => part.text?.value ?? '') : []));
    expect(text).toEqual(['Héllo 🌍, ça va ?']);
    const last = events.at(-1)!;
    expect(last.event === 'thread.run.completed' && last.data.usage).toEqual({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
  });

  it('sends the OpenAI-Beta header from client and call headers over the default', async () => {
    context.server.handler = (_request, reply) => reply.sse([body]);
    for await (const _event of await createRunStream(context.client({ headers: { 'OpenAI-Beta': 'assistants=v2' } }), { thread_id: 'thread_abc', assistant_id: 'asst_abc' })) {
    }
    for await (const _event of await createRunStream(context.client(), { thread_id: 'thread_abc', assistant_id: 'asst_abc' }, { headers: { 'openai-beta': 'assistants=v2' } })) {
    }
    expect(context.server.requests.map(betaHeaders)).toEqual([['assistants=v2'], ['assistants=v2']]);
  });

  it('cancels the request when the loop is left early', async () => {
    let disconnected: Promise<void> | undefined;
    context.server.handler = async (_request, reply) => {
      disconnected = reply.disconnected;
      await reply.head(200, { 'content-type': 'text/event-stream' });
      await reply.write(sseText([['thread.run.created', runFixture()]], '\n', false));
      await reply.disconnected;
    };
    const stream = await createRunStream(context.client(), { thread_id: 'thread_abc', assistant_id: 'asst_abc' });
    for await (const event of stream) {
      expect(event.event).toBe('thread.run.created');
      break;
    }
    // The server sees the connection close although it never ended the response.
    await disconnected;
  });
});
