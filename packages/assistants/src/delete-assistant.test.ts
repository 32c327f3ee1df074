import { describe } from 'vitest';
import { deleteAssistant } from './delete-assistant.js';
import { itSendsTheOperation, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('deleteAssistant', () => {
  itSendsTheOperation(context, {
    call: (client, options) => deleteAssistant(client, { assistant_id: 'asst_abc' }, options),
    method: 'DELETE',
    url: '/v1/assistants/asst_abc',
    reply: { id: 'asst_abc', object: 'assistant.deleted', deleted: true },
  });
});
