import { describe, expect, it } from 'vitest';
import { submitToolOutputsToRunStream } from './submit-tool-outputs-to-run-stream.js';
import { betaHeaders, jsonBody, runFixture, sseText, useServer } from './test-support.test-helper.js';

const context = useServer();

describe('submitToolOutputsToRunStream', () => {
  it('POSTs the tool outputs with stream: true and yields the rest of the run', async () => {
    context.server.handler = (_request, reply) =>
      reply.sse([sseText([['thread.run.queued', runFixture({ status: 'queued' })], ['thread.run.completed', runFixture({ status: 'completed' })]])]);
    const events: string[] = [];
    const stream = await submitToolOutputsToRunStream(
      context.client(),
      { thread_id: 'thread_abc', run_id: 'run_abc', tool_outputs: [{ tool_call_id: 'call_1', output: '{"celsius":22}' }] },
      { headers: { 'OpenAI-Beta': 'assistants=v2' } },
    );
    for await (const event of stream) events.push(event.event);

    const [seen] = context.server.requests;
    expect([seen?.method, seen?.url]).toEqual(['POST', '/v1/threads/thread_abc/runs/run_abc/submit_tool_outputs']);
    expect(betaHeaders(seen)).toEqual(['assistants=v2']);
    expect(jsonBody(seen)).toEqual({ tool_outputs: [{ tool_call_id: 'call_1', output: '{"celsius":22}' }], stream: true });
    expect(events).toEqual(['thread.run.queued', 'thread.run.completed']);
  });
});
