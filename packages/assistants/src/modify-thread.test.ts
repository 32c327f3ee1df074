import { describe, expect, it } from 'vitest';
import { modifyThread } from './modify-thread.js';
import { itSendsTheOperation, jsonBody, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('modifyThread', () => {
  itSendsTheOperation(context, {
    call: (client, options) => modifyThread(client, { thread_id: 'thread_abc', metadata: { resolved: 'yes' } }, options),
    method: 'POST',
    url: '/v1/threads/thread_abc',
    body: { metadata: { resolved: 'yes' } },
    reply: { id: 'thread_abc', object: 'thread', created_at: 1, metadata: {} },
  });

  it('sends metadata: null as null', async () => {
    context.server.handler = (_request, reply) => reply.json(200, { id: 'thread_abc' });
    await modifyThread(context.client(), { thread_id: 'thread_abc', metadata: null });
    expect(jsonBody(context.server.requests[0])).toEqual({ metadata: null });
  });
});
