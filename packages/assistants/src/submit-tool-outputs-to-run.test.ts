import { InputRejectedError } from '@openai-micro/core';
import { describe, expect, it } from 'vitest';
import { submitToolOutputsToRun } from './submit-tool-outputs-to-run.js';
import { itSendsTheOperation, runFixture, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('submitToolOutputsToRun', () => {
  itSendsTheOperation(context, {
    call: (client, options) => submitToolOutputsToRun(client, { thread_id: 'thread_abc', run_id: 'run_abc', tool_outputs: [{ tool_call_id: 'call_1', output: '22°C' }, { tool_call_id: 'call_2', output: '' }] }, options),
    method: 'POST',
    url: '/v1/threads/thread_abc/runs/run_abc/submit_tool_outputs',
    body: { tool_outputs: [{ tool_call_id: 'call_1', output: '22°C' }, { tool_call_id: 'call_2', output: '' }] },
    reply: runFixture(),
  });

  it('refuses stream: true before sending, naming submitToolOutputsToRunStream', async () => {
    const failure = await submitToolOutputsToRun(context.client(), { thread_id: 'thread_abc', run_id: 'run_abc', tool_outputs: [], stream: true }).catch((error: unknown) => error);
    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('stream');
    expect((failure as Error).message).toContain('submitToolOutputsToRunStream');
    expect(context.server.requests).toHaveLength(0);
  });
});
