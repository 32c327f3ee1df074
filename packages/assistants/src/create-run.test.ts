import { InputRejectedError } from '@openai-micro/core';
import { describe, expect, it } from 'vitest';
import { createRun } from './create-run.js';
import { itSendsTheOperation, runFixture, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('createRun', () => {
  itSendsTheOperation(context, {
    call: (client, options) => createRun(client, { thread_id: 'thread_abc', assistant_id: 'asst_abc', model: 'gpt-4-turbo', instructions: '', additional_instructions: 'Call the user Jane.', tools: [], metadata: { a: 'b' }, temperature: 0 }, options),
    method: 'POST',
    url: '/v1/threads/thread_abc/runs',
    body: { assistant_id: 'asst_abc', model: 'gpt-4-turbo', instructions: '', additional_instructions: 'Call the user Jane.', tools: [], metadata: { a: 'b' }, temperature: 0 },
    reply: runFixture(),
  });

  it('refuses stream: true before sending, naming createRunStream', async () => {
    const failure = await createRun(context.client(), { thread_id: 'thread_abc', assistant_id: 'asst_abc', stream: true }).catch((error: unknown) => error);
    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('stream');
    expect((failure as Error).message).toContain('createRunStream');
    expect(context.server.requests).toHaveLength(0);
  });
});
