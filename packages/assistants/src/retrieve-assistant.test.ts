import { describe } from 'vitest';
import { retrieveAssistant } from './retrieve-assistant.js';
import { itSendsTheOperation, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('retrieveAssistant', () => {
  itSendsTheOperation(context, {
    call: (client, options) => retrieveAssistant(client, { assistant_id: 'asst_abc' }, options),
    method: 'GET',
    url: '/v1/assistants/asst_abc',
    reply: { id: 'asst_abc', object: 'assistant', created_at: 1, name: 'Tutor', description: null, model: 'gpt-4-turbo', instructions: null, tools: [], file_ids: [], metadata: {} },
  });
});
