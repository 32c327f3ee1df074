import { splitAt } from '@openai-micro/tooling/loopback';
import { describe, expect, it } from 'vitest';
import { createThreadAndRunStream } from './create-thread-and-run-stream.js';
import { betaHeaders, jsonBody, runFixture, sseText, useServer } from './test-support.test-helper.js';
import type { AssistantStreamEvent } from './types.js';

const context = useServer();
const message = { id: 'msg_1', object: 'thread.message', created_at: 1, thread_id: 'thread_new', status: 'completed', role: 'assistant', content: [{ type: 'text', text: { value: '4', annotations: [] } }], assistant_id: 'asst_abc', run_id: 'run_abc', file_ids: [], metadata: {} };
const step = { id: 'step_1', object: 'thread.run.step', type: 'message_creation', status: 'completed', step_details: { type: 'message_creation', message_creation: { message_id: 'msg_1' } } };
const body = sseText([
  ['thread.created', { id: 'thread_new', object: 'thread', created_at: 1, metadata: {} }],
  ['thread.run.created', runFixture({ thread_id: 'thread_new' })],
  ['thread.run.step.created', step],
  ['thread.run.step.delta', { id: 'step_1', object: 'thread.run.step.delta', delta: { step_details: { type: 'message_creation' } } }],
  ['thread.message.created', { ...message, status: 'in_progress' }],
  ['thread.message.completed', message],
  ['thread.run.step.completed', step],
  ['thread.run.completed', runFixture({ thread_id: 'thread_new', status: 'completed' })],
]);

describe('createThreadAndRunStream', () => {
  it('POSTs /threads/runs with stream: true and yields thread, run, step and message events, split at awkward offsets', async () => {
    const cuts = [1, 7, 13, 14, 50, 51, 200, body.indexOf('\n\n') + 1, body.length - 3];
    context.server.handler = (_request, reply) => reply.chunks(200, { 'content-type': 'text/event-stream; charset=utf-8' }, splitAt(body, cuts), { delayMs: 1 });
    const events: AssistantStreamEvent[] = [];
    const params = { assistant_id: 'asst_abc', thread: { messages: [{ role: 'user', content: '2 + 2?' }] }, model: 'gpt-4-turbo' };
    for await (const event of await createThreadAndRunStream(context.client(), params)) events.push(event);

    const [seen] = context.server.requests;
    expect([seen?.method, seen?.url]).toEqual(['POST', '/v1/threads/runs']);
    expect(betaHeaders(seen)).toEqual(['assistants=v1']);
    expect(jsonBody(seen)).toEqual({ ...params, stream: true });
    expect(events.map((event) => event.event)).toEqual([
      'thread.created',
      'thread.run.created',
      'thread.run.step.created',
      'thread.run.step.delta',
      'thread.message.created',
      'thread.message.completed',
      'thread.run.step.completed',
      'thread.run.completed',
    ]);
    const first = events[0]!;
    expect(first.event === 'thread.created' && first.data.id).toBe('thread_new');
    const completed = events.find((event) => event.event === 'thread.message.completed');
    expect(completed?.event === 'thread.message.completed' && completed.data.content).toEqual([{ type: 'text', text: { value: '4', annotations: [] } }]);
  });
});
