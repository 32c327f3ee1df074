import { createAzureClient } from '@openai-micro/core/azure';
import { describe, expect, it } from 'vitest';
import { listMessages } from './list-messages.js';
import { itSendsTheOperation, itWalksThreePages, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('listMessages', () => {
  itSendsTheOperation(context, {
    call: (client, options) => listMessages(client, { thread_id: 'thread_abc', limit: 10, order: 'asc', after: 'msg_1', before: 'msg_9' }, options),
    method: 'GET',
    url: '/v1/threads/thread_abc/messages?limit=10&order=asc&after=msg_1&before=msg_9',
    reply: { object: 'list', data: [{ id: 'msg_abc', object: 'thread.message', created_at: 1, thread_id: 'thread_abc', role: 'user', content: [{ type: 'text', text: { value: 'Hi', annotations: [] } }], assistant_id: null, run_id: null, file_ids: [], metadata: {} }], first_id: 'x', last_id: 'x', has_more: false },
  });
  itWalksThreePages(context, (client) => listMessages(client, { thread_id: 'thread_abc', order: 'asc' }), '/threads/thread_abc/messages', '?order=asc');

  it('goes to /openai/threads/{thread_id}/messages on Azure, keeping api-version on every page', async () => {
    context.server.handler = (request, reply) =>
      request.query.has('after')
        ? reply.json(200, { object: 'list', data: [{ id: 'msg_2' }], first_id: 'msg_2', last_id: 'msg_2', has_more: false })
        : reply.json(200, { object: 'list', data: [{ id: 'msg_1' }], first_id: 'msg_1', last_id: 'msg_1', has_more: true });
    const client = createAzureClient({ baseURL: context.server.url, apiKey: 'azure-key', apiVersion: '2024-05-01-preview', maxRetries: 0 });
    const ids: string[] = [];
    for await (const message of await listMessages(client, { thread_id: 'thread_abc', limit: 1 })) ids.push(message.id);
    expect(ids).toEqual(['msg_1', 'msg_2']);
    expect(context.server.requests.map((seen) => seen.url)).toEqual([
      '/openai/threads/thread_abc/messages?api-version=2024-05-01-preview&limit=1',
      '/openai/threads/thread_abc/messages?api-version=2024-05-01-preview&limit=1&after=msg_1',
    ]);
  });

  it('passes newer query parameters such as v2 run_id through', async () => {
    context.server.handler = (_request, reply) => reply.json(200, { object: 'list', data: [], has_more: false });
    await listMessages(context.client(), { thread_id: 'thread_abc', run_id: 'run_abc' } as Parameters<typeof listMessages>[1]);
    expect(context.server.requests[0]?.url).toBe('/v1/threads/thread_abc/messages?run_id=run_abc');
  });
});
