import { describe } from 'vitest';
import { modifyRun } from './modify-run.js';
import { itSendsTheOperation, runFixture, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('modifyRun', () => {
  itSendsTheOperation(context, {
    call: (client, options) => modifyRun(client, { thread_id: 'thread_abc', run_id: 'run_abc', metadata: { ticket: 'T-1' } }, options),
    method: 'POST',
    url: '/v1/threads/thread_abc/runs/run_abc',
    body: { metadata: { ticket: 'T-1' } },
    reply: runFixture(),
  });
});
