import { describe, expect, it } from 'vitest';
import { listAssistants } from './list-assistants.js';
import { itSendsTheOperation, itWalksThreePages, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('listAssistants', () => {
  itSendsTheOperation(context, {
    call: (client, options) => listAssistants(client, { limit: 2, order: 'asc', after: 'asst_0', before: 'asst_9' }, options),
    method: 'GET',
    url: '/v1/assistants?limit=2&order=asc&after=asst_0&before=asst_9',
    reply: { object: 'list', data: [{ id: 'asst_abc', object: 'assistant', created_at: 1, name: 'Tutor', description: null, model: 'gpt-4-turbo', instructions: null, tools: [], file_ids: [], metadata: {} }], first_id: 'x', last_id: 'x', has_more: false },
  });
  itWalksThreePages(context, (client) => listAssistants(client, { limit: 2, order: 'desc' }), '/assistants', '?limit=2&order=desc');

  it('sends no query when called without parameters', async () => {
    context.server.handler = (_request, reply) => reply.json(200, { object: 'list', data: [], has_more: false });
    const page = await listAssistants(context.client());
    expect(context.server.requests[0]?.url).toBe('/v1/assistants');
    expect(page.data).toEqual([]);
    expect(page.hasNextPage()).toBe(false);
  });
});
