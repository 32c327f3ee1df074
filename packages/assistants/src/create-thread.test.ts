import type { CreateThreadRequest } from './types.js';
import { describe, expect, it } from 'vitest';
import { createThread } from './create-thread.js';
import { itSendsTheOperation, jsonBody, useServer } from './test-support.test-helper.js';

const context = useServer();
const params: CreateThreadRequest = { messages: [{ role: 'user', content: 'Hello', file_ids: ['file-abc'], metadata: { n: 1 } }], metadata: { user: 'u_1' } };

describe('createThread', () => {
  itSendsTheOperation(context, {
    call: (client, options) => createThread(client, params, options),
    method: 'POST',
    url: '/v1/threads',
    body: params,
    reply: { id: 'thread_abc', object: 'thread', created_at: 1, metadata: {} },
  });

  it('sends an empty object when called without parameters', async () => {
    context.server.handler = (_request, reply) => reply.json(200, { id: 'thread_abc' });
    await createThread(context.client());
    expect(jsonBody(context.server.requests[0])).toEqual({});
  });
});
