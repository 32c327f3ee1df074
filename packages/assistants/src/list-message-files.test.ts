import { describe } from 'vitest';
import { listMessageFiles } from './list-message-files.js';
import { itSendsTheOperation, itWalksThreePages, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('listMessageFiles', () => {
  itSendsTheOperation(context, {
    call: (client, options) => listMessageFiles(client, { thread_id: 'thread_abc', message_id: 'msg_abc', limit: 3, order: 'asc', after: 'file-1', before: 'file-9' }, options),
    method: 'GET',
    url: '/v1/threads/thread_abc/messages/msg_abc/files?limit=3&order=asc&after=file-1&before=file-9',
    reply: { object: 'list', data: [{ id: 'file-abc', object: 'thread.message.file', created_at: 1, message_id: 'msg_abc' }], first_id: 'x', last_id: 'x', has_more: false },
  });
  itWalksThreePages(context, (client) => listMessageFiles(client, { thread_id: 'thread_abc', message_id: 'msg_abc' }), '/threads/thread_abc/messages/msg_abc/files', '');
});
