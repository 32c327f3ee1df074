import { InputRejectedError } from '@openai-micro/core';
import type { CreateThreadAndRunRequest } from './types.js';
import { describe, expect, it } from 'vitest';
import { createThreadAndRun } from './create-thread-and-run.js';
import { itSendsTheOperation, runFixture, useServer } from './test-support.test-helper.js';

const context = useServer();
const params: CreateThreadAndRunRequest = { assistant_id: 'asst_abc', thread: { messages: [{ role: 'user', content: 'Hi' }] }, instructions: 'Be brief.', additional_instructions: 'Call the user Jane.', tools: [{ type: 'code_interpreter' }], metadata: null };

describe('createThreadAndRun', () => {
  itSendsTheOperation(context, {
    call: (client, options) => createThreadAndRun(client, params, options),
    method: 'POST',
    url: '/v1/threads/runs',
    body: params,
    reply: runFixture(),
  });

  it('refuses stream: true before sending, naming createThreadAndRunStream', async () => {
    const failure = await createThreadAndRun(context.client(), { assistant_id: 'asst_abc', stream: true }).catch((error: unknown) => error);
    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('stream');
    expect((failure as Error).message).toContain('createThreadAndRunStream');
    expect(context.server.requests).toHaveLength(0);
  });
});
