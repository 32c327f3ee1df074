import { describe } from 'vitest';
import { retrieveThread } from './retrieve-thread.js';
import { itSendsTheOperation, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('retrieveThread', () => {
  itSendsTheOperation(context, {
    call: (client, options) => retrieveThread(client, { thread_id: 'thread_abc' }, options),
    method: 'GET',
    url: '/v1/threads/thread_abc',
    reply: { id: 'thread_abc', object: 'thread', created_at: 1, metadata: {} },
  });
});
