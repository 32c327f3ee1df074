import { describe } from 'vitest';
import { retrieveMessageFile } from './retrieve-message-file.js';
import { itSendsTheOperation, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('retrieveMessageFile', () => {
  itSendsTheOperation(context, {
    call: (client, options) => retrieveMessageFile(client, { thread_id: 'thread_abc', message_id: 'msg_abc', file_id: 'file-abc' }, options),
    method: 'GET',
    url: '/v1/threads/thread_abc/messages/msg_abc/files/file-abc',
    reply: { id: 'file-abc', object: 'thread.message.file', created_at: 1, message_id: 'msg_abc' },
  });
});
