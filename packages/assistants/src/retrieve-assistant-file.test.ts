import { describe } from 'vitest';
import { retrieveAssistantFile } from './retrieve-assistant-file.js';
import { itSendsTheOperation, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('retrieveAssistantFile', () => {
  itSendsTheOperation(context, {
    call: (client, options) => retrieveAssistantFile(client, { assistant_id: 'asst_abc', file_id: 'file-abc' }, options),
    method: 'GET',
    url: '/v1/assistants/asst_abc/files/file-abc',
    reply: { id: 'file-abc', object: 'assistant.file', created_at: 1, assistant_id: 'asst_abc' },
  });
});
