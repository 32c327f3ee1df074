import { describe } from 'vitest';
import { deleteThread } from './delete-thread.js';
import { itSendsTheOperation, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('deleteThread', () => {
  itSendsTheOperation(context, {
    call: (client, options) => deleteThread(client, { thread_id: 'thread_abc' }, options),
    method: 'DELETE',
    url: '/v1/threads/thread_abc',
    reply: { id: 'thread_abc', object: 'thread.deleted', deleted: true },
  });
});
