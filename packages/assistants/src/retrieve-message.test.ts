import { describe } from 'vitest';
import { retrieveMessage } from './retrieve-message.js';
import { itSendsTheOperation, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('retrieveMessage', () => {
  itSendsTheOperation(context, {
    call: (client, options) => retrieveMessage(client, { thread_id: 'thread_abc', message_id: 'msg_abc' }, options),
    method: 'GET',
    url: '/v1/threads/thread_abc/messages/msg_abc',
    reply: { id: 'msg_abc', object: 'thread.message', created_at: 1, thread_id: 'thread_abc', role: 'user', content: [{ type: 'text', text: { value: 'Hi', annotations: [] } }], assistant_id: null, run_id: null, file_ids: [], metadata: {} },
  });
});
