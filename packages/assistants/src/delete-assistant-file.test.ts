import { describe } from 'vitest';
import { deleteAssistantFile } from './delete-assistant-file.js';
import { itSendsTheOperation, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('deleteAssistantFile', () => {
  itSendsTheOperation(context, {
    call: (client, options) => deleteAssistantFile(client, { assistant_id: 'asst_abc', file_id: 'file-abc' }, options),
    method: 'DELETE',
    url: '/v1/assistants/asst_abc/files/file-abc',
    reply: { id: 'file-abc', object: 'assistant.file.deleted', deleted: true },
  });
});
