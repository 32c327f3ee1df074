import { InputRejectedError } from '@openai-micro/core';
import { describe, expect, it } from 'vitest';
import { retrieveRun } from './retrieve-run.js';
import { itSendsTheOperation, runFixture, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('retrieveRun', () => {
  itSendsTheOperation(context, {
    call: (client, options) => retrieveRun(client, { thread_id: 'thread_abc', run_id: 'run_abc' }, options),
    method: 'GET',
    url: '/v1/threads/thread_abc/runs/run_abc',
    reply: runFixture(),
  });

  it('encodes each id as one path segment and refuses empty or dot ids before sending', async () => {
    context.server.handler = (_request, reply) => reply.json(200, { id: 'run_abc' });
    await retrieveRun(context.client(), { thread_id: 'thread/../x', run_id: 'run?id=1' });
    expect(context.server.requests[0]?.path).toBe('/v1/threads/thread%2F..%2Fx/runs/run%3Fid%3D1');
    for (const params of [{ thread_id: '', run_id: 'run_abc' }, { thread_id: 'thread_abc', run_id: '..' }]) {
      const failure = await retrieveRun(context.client(), params).catch((error: unknown) => error);
      expect(InputRejectedError.isInstance(failure)).toBe(true);
    }
    expect(context.server.requests).toHaveLength(1);
  });
});
