import { describe } from 'vitest';
import { cancelRun } from './cancel-run.js';
import { itSendsTheOperation, runFixture, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('cancelRun', () => {
  itSendsTheOperation(context, {
    call: (client, options) => cancelRun(client, { thread_id: 'thread_abc', run_id: 'run_abc' }, options),
    method: 'POST',
    url: '/v1/threads/thread_abc/runs/run_abc/cancel',
    reply: runFixture({ status: 'cancelling' }),
  });
});
