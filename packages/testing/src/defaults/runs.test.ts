import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANSWER } from '../chat-replies';
import { startTestServer, type TestServer } from '../server';
import { getJson, postJson, readEvents } from '../test-support';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ runToolCalls: true });
});
afterEach(() => server.close());

const weatherTool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } };

async function threadWithAssistant(tools: unknown[] = []) {
  await postJson(server, '/assistants', { model: 'gpt-4-turbo-preview', instructions: 'Be kind', tools });
  return (await postJson(server, '/threads', { messages: [{ role: 'user', content: 'Hello?' }] })).json();
}

describe('runs', () => {
  it('progresses queued → in_progress → completed over successive retrieves', async () => {
    const thread = await threadWithAssistant();
    const run = await (await postJson(server, `/threads/${thread.id}/runs`, { assistant_id: 'asst_000001' })).json();
    expect(run).toMatchObject({ object: 'thread.run', status: 'queued', model: 'gpt-4-turbo-preview', instructions: 'Be kind', usage: null });
    const path = `/threads/${thread.id}/runs/${run.id}`;
    expect((await getJson(server, path)).status).toBe('in_progress');
    const completed = await getJson(server, path);
    expect(completed).toMatchObject({ status: 'completed', completed_at: expect.any(Number), usage: { completion_tokens: 11 } });
    expect((await getJson(server, path)).status).toBe('completed');
    const messages = await getJson(server, `/threads/${thread.id}/messages?limit=1`);
    expect(messages.data[0]).toMatchObject({ role: 'assistant', run_id: run.id, content: [{ text: { value: DEFAULT_ANSWER } }] });
    const steps = await getJson(server, `${path}/steps`);
    expect(steps.data).toHaveLength(1);
    expect(steps.data[0]).toMatchObject({
      type: 'message_creation',
      status: 'completed',
      step_details: { message_creation: { message_id: messages.data[0].id } },
    });
    expect((await getJson(server, `${path}/steps/${steps.data[0].id}`)).id).toBe(steps.data[0].id);
    expect((await getJson(server, `/threads/${thread.id}/runs`)).data.map((item: any) => item.id)).toEqual([run.id]);
  });

  it('asks for tool outputs with runToolCalls, then completes', async () => {
    const thread = await threadWithAssistant([weatherTool]);
    const run = await (await postJson(server, `/threads/${thread.id}/runs`, { assistant_id: 'asst_000001' })).json();
    const path = `/threads/${thread.id}/runs/${run.id}`;
    await getJson(server, path);
    const waiting = await getJson(server, path);
    expect(waiting.status).toBe('requires_action');
    const call = waiting.required_action.submit_tool_outputs.tool_calls[0];
    expect(call).toMatchObject({ type: 'function', function: { name: 'get_weather', arguments: '{}' } });
    const submitted = await postJson(server, `${path}/submit_tool_outputs`, { tool_outputs: [{ tool_call_id: call.id, output: '22C' }] });
    expect((await submitted.json()).status).toBe('queued');
    const again = await postJson(server, `${path}/submit_tool_outputs`, { tool_outputs: [] });
    expect(again.status).toBe(400);
    await getJson(server, path);
    expect((await getJson(server, path)).status).toBe('completed');
    const steps = await getJson(server, `${path}/steps?order=asc`);
    expect(steps.data.map((step: any) => step.type)).toEqual(['tool_calls', 'message_creation']);
    expect(steps.data[0].step_details.tool_calls[0].function.output).toBe('22C');
  });

  it('cancels: cancelling now, cancelled on the next retrieve, refused once terminal', async () => {
    const thread = await threadWithAssistant();
    const run = await (await postJson(server, `/threads/${thread.id}/runs`, { assistant_id: 'asst_000001' })).json();
    const path = `/threads/${thread.id}/runs/${run.id}`;
    expect((await (await postJson(server, `${path}/cancel`, undefined)).json()).status).toBe('cancelling');
    expect((await getJson(server, path)).status).toBe('cancelled');
    const refused = await postJson(server, `${path}/cancel`, undefined);
    expect([refused.status, (await refused.json()).error.message]).toEqual([400, "Cannot cancel run with status 'cancelled'."]);
  });

  it('modifies run metadata and 404s unknown threads and runs', async () => {
    const thread = await threadWithAssistant();
    const run = await (await postJson(server, `/threads/${thread.id}/runs`, { assistant_id: 'asst_000001' })).json();
    const modified = await postJson(server, `/threads/${thread.id}/runs/${run.id}`, { metadata: { tag: 'x' } });
    expect((await modified.json()).metadata).toEqual({ tag: 'x' });
    expect((await postJson(server, '/threads/thread_nope/runs', { assistant_id: 'asst_000001' })).status).toBe(404);
    expect((await fetch(`${server.url}/threads/${thread.id}/runs/run_nope`, { headers: { authorization: 'Bearer x' } })).status).toBe(404);
  });

  it('streams a run from creation to completion, then event: done', async () => {
    const thread = await threadWithAssistant();
    const events = await readEvents(await postJson(server, `/threads/${thread.id}/runs`, { assistant_id: 'asst_000001', stream: true }));
    const names = events.map((event) => event.event);
    expect(names.slice(0, 8)).toEqual([
      'thread.run.created',
      'thread.run.queued',
      'thread.run.in_progress',
      'thread.run.step.created',
      'thread.run.step.in_progress',
      'thread.message.created',
      'thread.message.in_progress',
      'thread.message.delta',
    ]);
    expect(names.slice(-5)).toEqual([
      'thread.message.delta',
      'thread.message.completed',
      'thread.run.step.completed',
      'thread.run.completed',
      'done',
    ]);
    expect(events.at(-1)?.data).toBe('[DONE]');
    const text = events
      .filter((event) => event.event === 'thread.message.delta')
      .map((event) => JSON.parse(event.data).delta.content[0].text.value)
      .join('');
    expect(text).toBe(DEFAULT_ANSWER);
    expect(JSON.parse(events[0]!.data).status).toBe('queued');
    const runId = JSON.parse(events[0]!.data).id;
    expect((await getJson(server, `/threads/${thread.id}/runs/${runId}`)).status).toBe('completed');
  });

  it('creates a thread and run, streaming tool calls and then the tool outputs', async () => {
    await postJson(server, '/assistants', { model: 'gpt-4', tools: [weatherTool] });
    const response = await postJson(server, '/threads/runs', {
      assistant_id: 'asst_000001',
      thread: { messages: [{ role: 'user', content: 'Weather?' }] },
      stream: true,
    });
    const events = await readEvents(response);
    expect(events[0]?.event).toBe('thread.created');
    expect(events.map((event) => event.event)).toContain('thread.run.step.delta');
    expect(events.at(-2)?.event).toBe('thread.run.requires_action');
    const run = JSON.parse(events.at(-2)!.data);
    const call = run.required_action.submit_tool_outputs.tool_calls[0];
    const resumed = await readEvents(
      await postJson(server, `/threads/${run.thread_id}/runs/${run.id}/submit_tool_outputs`, {
        tool_outputs: [{ tool_call_id: call.id, output: 'sunny' }],
        stream: true,
      }),
    );
    expect(resumed.slice(0, 3).map((event) => event.event)).toEqual([
      'thread.run.step.completed',
      'thread.run.queued',
      'thread.run.in_progress',
    ]);
    expect(resumed.slice(-2).map((event) => event.event)).toEqual(['thread.run.completed', 'done']);
  });

  it('creates a thread and run without streaming', async () => {
    const run = await (await postJson(server, '/threads/runs', { assistant_id: 'asst_unknown', thread: {} })).json();
    expect(run).toMatchObject({ status: 'queued', assistant_id: 'asst_unknown', thread_id: 'thread_000001', instructions: null });
  });
});
