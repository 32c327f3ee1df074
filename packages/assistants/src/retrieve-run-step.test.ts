import { describe } from 'vitest';
import { retrieveRunStep } from './retrieve-run-step.js';
import { itSendsTheOperation, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('retrieveRunStep', () => {
  itSendsTheOperation(context, {
    call: (client, options) => retrieveRunStep(client, { thread_id: 'thread_abc', run_id: 'run_abc', step_id: 'step_abc' }, options),
    method: 'GET',
    url: '/v1/threads/thread_abc/runs/run_abc/steps/step_abc',
    reply: { id: 'step_abc', object: 'thread.run.step', created_at: 1, assistant_id: 'asst_abc', thread_id: 'thread_abc', run_id: 'run_abc', type: 'message_creation', status: 'completed', step_details: { type: 'message_creation', message_creation: { message_id: 'msg_abc' } }, last_error: null, expired_at: null, cancelled_at: null, failed_at: null, completed_at: 2, metadata: null, usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } },
  });
});
