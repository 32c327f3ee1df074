import { describe } from 'vitest';
import { createMessage } from './create-message.js';
import { itSendsTheOperation, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('createMessage', () => {
  itSendsTheOperation(context, {
    call: (client, options) => createMessage(client, { thread_id: 'thread_abc', role: 'user', content: 'Solve 3x + 11 = 14', file_ids: ['file-abc'], metadata: {} }, options),
    method: 'POST',
    url: '/v1/threads/thread_abc/messages',
    body: { role: 'user', content: 'Solve 3x + 11 = 14', file_ids: ['file-abc'], metadata: {} },
    reply: { id: 'msg_abc', object: 'thread.message', created_at: 1, thread_id: 'thread_abc', role: 'user', content: [{ type: 'text', text: { value: 'Hi', annotations: [] } }], assistant_id: null, run_id: null, file_ids: [], metadata: {} },
  });
});
