import { describe } from 'vitest';
import { listRunSteps } from './list-run-steps.js';
import { itSendsTheOperation, itWalksThreePages, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('listRunSteps', () => {
  itSendsTheOperation(context, {
    call: (client, options) => listRunSteps(client, { thread_id: 'thread_abc', run_id: 'run_abc', limit: 1, order: 'asc', after: 'step_1', before: 'step_9' }, options),
    method: 'GET',
    url: '/v1/threads/thread_abc/runs/run_abc/steps?limit=1&order=asc&after=step_1&before=step_9',
    reply: { object: 'list', data: [{ id: 'step_abc', object: 'thread.run.step', created_at: 1, assistant_id: 'asst_abc', thread_id: 'thread_abc', run_id: 'run_abc', type: 'message_creation', status: 'completed', step_details: { type: 'message_creation', message_creation: { message_id: 'msg_abc' } }, last_error: null, expired_at: null, cancelled_at: null, failed_at: null, completed_at: 2, metadata: null, usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } }], first_id: 'x', last_id: 'x', has_more: false },
  });
  itWalksThreePages(context, (client) => listRunSteps(client, { thread_id: 'thread_abc', run_id: 'run_abc', limit: 2, order: 'asc' }), '/threads/thread_abc/runs/run_abc/steps', '?limit=2&order=asc');
});
