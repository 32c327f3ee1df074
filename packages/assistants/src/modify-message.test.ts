import { describe } from 'vitest';
import { modifyMessage } from './modify-message.js';
import { itSendsTheOperation, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('modifyMessage', () => {
  itSendsTheOperation(context, {
    call: (client, options) => modifyMessage(client, { thread_id: 'thread_abc', message_id: 'msg_abc', metadata: { flagged: 'no' } }, options),
    method: 'POST',
    url: '/v1/threads/thread_abc/messages/msg_abc',
    body: { metadata: { flagged: 'no' } },
    reply: { id: 'msg_abc', object: 'thread.message', created_at: 1, thread_id: 'thread_abc', role: 'user', content: [{ type: 'text', text: { value: 'Hi', annotations: [] } }], assistant_id: null, run_id: null, file_ids: [], metadata: {} },
  });
});
