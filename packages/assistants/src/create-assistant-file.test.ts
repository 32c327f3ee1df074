import { describe } from 'vitest';
import { createAssistantFile } from './create-assistant-file.js';
import { itSendsTheOperation, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('createAssistantFile', () => {
  itSendsTheOperation(context, {
    call: (client, options) => createAssistantFile(client, { assistant_id: 'asst_abc', file_id: 'file-abc' }, options),
    method: 'POST',
    url: '/v1/assistants/asst_abc/files',
    body: { file_id: 'file-abc' },
    reply: { id: 'file-abc', object: 'assistant.file', created_at: 1, assistant_id: 'asst_abc' },
  });
});
