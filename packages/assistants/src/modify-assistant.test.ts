import { describe, expect, it } from 'vitest';
import { modifyAssistant } from './modify-assistant.js';
import { itSendsTheOperation, jsonBody, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('modifyAssistant', () => {
  itSendsTheOperation(context, {
    call: (client, options) => modifyAssistant(client, { assistant_id: 'asst_abc', name: 'Renamed', tools: [{ type: 'retrieval' }] }, options),
    method: 'POST',
    url: '/v1/assistants/asst_abc',
    body: { name: 'Renamed', tools: [{ type: 'retrieval' }] },
    reply: { id: 'asst_abc', object: 'assistant', created_at: 1, name: 'Tutor', description: null, model: 'gpt-4-turbo', instructions: null, tools: [], file_ids: [], metadata: {} },
  });

  it('leaves tools out when not set (no change) and sends tools: [] to remove them all', async () => {
    context.server.handler = (_request, reply) => reply.json(200, { id: 'asst_abc' });
    await modifyAssistant(context.client(), { assistant_id: 'asst_abc', instructions: 'Be brief.' });
    await modifyAssistant(context.client(), { assistant_id: 'asst_abc', tools: [] });
    await modifyAssistant(context.client(), { assistant_id: 'asst_abc', tools: undefined, name: null, description: '' });
    const bodies = context.server.requests.map(jsonBody);
    expect(bodies).toEqual([{ instructions: 'Be brief.' }, { tools: [] }, { name: null, description: '' }]);
    expect(context.server.requests[0]!.body.toString()).not.toContain('tools');
  });

  it('passes v2 fields through unchanged', async () => {
    context.server.handler = (_request, reply) => reply.json(200, { id: 'asst_abc' });
    const v2 = { tools: [{ type: 'file_search' as const }], tool_resources: { file_search: { vector_store_ids: ['vs_1'] } }, temperature: 0, top_p: 1 };
    await modifyAssistant(context.client({ headers: { 'OpenAI-Beta': 'assistants=v2' } }), { assistant_id: 'asst_abc', ...v2 });
    expect(jsonBody(context.server.requests[0])).toEqual(v2);
  });
});
