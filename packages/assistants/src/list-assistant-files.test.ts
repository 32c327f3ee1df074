import { describe } from 'vitest';
import { listAssistantFiles } from './list-assistant-files.js';
import { itSendsTheOperation, itWalksThreePages, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('listAssistantFiles', () => {
  itSendsTheOperation(context, {
    call: (client, options) => listAssistantFiles(client, { assistant_id: 'asst_abc', limit: 5, order: 'desc', after: 'file-1', before: 'file-9' }, options),
    method: 'GET',
    url: '/v1/assistants/asst_abc/files?limit=5&order=desc&after=file-1&before=file-9',
    reply: { object: 'list', data: [{ id: 'file-abc', object: 'assistant.file', created_at: 1, assistant_id: 'asst_abc' }], first_id: 'x', last_id: 'x', has_more: false },
  });
  itWalksThreePages(context, (client) => listAssistantFiles(client, { assistant_id: 'asst_abc', limit: 2 }), '/assistants/asst_abc/files', '?limit=2');
});
