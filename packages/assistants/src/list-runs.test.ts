import { describe } from 'vitest';
import { listRuns } from './list-runs.js';
import { itSendsTheOperation, itWalksThreePages, runFixture, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('listRuns', () => {
  itSendsTheOperation(context, {
    call: (client, options) => listRuns(client, { thread_id: 'thread_abc', limit: 20, order: 'desc', after: 'run_1', before: 'run_9' }, options),
    method: 'GET',
    url: '/v1/threads/thread_abc/runs?limit=20&order=desc&after=run_1&before=run_9',
    reply: { object: 'list', data: [runFixture()], first_id: 'x', last_id: 'x', has_more: false },
  });
  itWalksThreePages(context, (client) => listRuns(client, { thread_id: 'thread_abc', limit: 2 }), '/threads/thread_abc/runs', '?limit=2');
});
