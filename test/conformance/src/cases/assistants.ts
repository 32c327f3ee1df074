/**
 * Assistants v1 (the 2024-03 spec): every operation through Prism, the three
 * streamed ones through the stream server with events checked against the
 * spec's AssistantStreamEvent. The spec declares no `OpenAI-Beta` header, so
 * it is checked here: every call sends `assistants=v1`.
 */
import * as assistants from '@openai-micro/assistants';
import { describe, expect, it } from 'vitest';
import { apiKey, ctx } from '../context.js';
import { expectCall as checkCall, type Exchange, exercise, only, requestJSON } from '../harness.js';
import { namedEvents, schemaViolations } from '../streams.js';

const pkg = '@openai-micro/assistants';
const functionTool = {
  type: 'function' as const,
  function: { name: 'get_weather', description: 'The weather in a city', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
};
const tools = [{ type: 'code_interpreter' as const }, { type: 'retrieval' as const }, functionTool];

function expectBeta(exchange: Exchange): void {
  expect(exchange.request.headers['openai-beta']).toBe('assistants=v1');
  expect(exchange.request.headers.authorization).toBe(`Bearer ${apiKey}`);
}

/** {@link checkCall} plus the beta header every Assistants call sends. */
function expectCall(call: { result: unknown; exchanges: Exchange[] }, method: string, url: string, body?: unknown): void {
  expectBeta(checkCall(call, method, url, body));
}

/** Spec-shaped objects for the stream events: Prism's own answers for a run and a message. */
async function prismObject(path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${ctx.prismURL}/v1${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function runEvents(final: 'thread.run.completed' | 'thread.run.requires_action'): Promise<{ event: string; data: unknown }[]> {
  const run = await prismObject('/threads/thread_abc/runs/run_abc');
  const message = await prismObject('/threads/thread_abc/messages/msg_abc');
  const delta = { id: 'msg_abc', object: 'thread.message.delta', delta: { role: 'assistant', content: [{ index: 0, type: 'text', text: { value: 'Hello', annotations: [] } }] } };
  return [
    { event: 'thread.run.created', data: run },
    { event: 'thread.run.in_progress', data: run },
    { event: 'thread.message.created', data: message },
    { event: 'thread.message.delta', data: delta },
    { event: 'thread.message.completed', data: message },
    { event: final, data: run },
    { event: 'done', data: '[DONE]' },
  ];
}

async function expectSpecShaped(events: { event: string; data: unknown }[]): Promise<void> {
  for (const event of events) expect(await schemaViolations(ctx.prismURL, 'AssistantStreamEvent', event)).toBeUndefined();
}

export function assistantsCases(): void {
  describe('@openai-micro/assistants', () => {
    it('assistants: create, list, retrieve, modify, delete pass Prism', async () => {
      const created = {
        model: 'gpt-4-turbo-preview',
        name: 'Math Tutor',
        description: 'Answers math questions',
        instructions: 'You are a personal math tutor.',
        tools,
        file_ids: ['file-abc123'],
        metadata: { team: 'math' },
      };
      expectCall(await exercise(pkg, assistants, 'createAssistant', (fn) => fn(ctx.client, created)), 'POST', '/v1/assistants', created);
      expectCall(
        await exercise(pkg, assistants, 'listAssistants', (fn) => fn(ctx.client, { limit: 20, order: 'desc', after: 'asst_a', before: 'asst_b' })),
        'GET',
        '/v1/assistants?limit=20&order=desc&after=asst_a&before=asst_b',
      );
      expectCall(await exercise(pkg, assistants, 'retrieveAssistant', (fn) => fn(ctx.client, { assistant_id: 'asst_abc' })), 'GET', '/v1/assistants/asst_abc');
      const modified = { instructions: 'Be brief.', tools: [], file_ids: [], name: null, metadata: null };
      expectCall(
        await exercise(pkg, assistants, 'modifyAssistant', (fn) => fn(ctx.client, { assistant_id: 'asst_abc', ...modified })),
        'POST',
        '/v1/assistants/asst_abc',
        modified,
      );
      expectCall(await exercise(pkg, assistants, 'deleteAssistant', (fn) => fn(ctx.client, { assistant_id: 'asst_abc' })), 'DELETE', '/v1/assistants/asst_abc');
    });

    it('assistant files: create, list, retrieve, delete pass Prism', async () => {
      expectCall(
        await exercise(pkg, assistants, 'createAssistantFile', (fn) => fn(ctx.client, { assistant_id: 'asst_abc', file_id: 'file-abc123' })),
        'POST',
        '/v1/assistants/asst_abc/files',
        { file_id: 'file-abc123' },
      );
      expectCall(
        await exercise(pkg, assistants, 'listAssistantFiles', (fn) => fn(ctx.client, { assistant_id: 'asst_abc', limit: 5, order: 'asc' })),
        'GET',
        '/v1/assistants/asst_abc/files?limit=5&order=asc',
      );
      expectCall(
        await exercise(pkg, assistants, 'retrieveAssistantFile', (fn) => fn(ctx.client, { assistant_id: 'asst_abc', file_id: 'file-abc123' })),
        'GET',
        '/v1/assistants/asst_abc/files/file-abc123',
      );
      expectCall(
        await exercise(pkg, assistants, 'deleteAssistantFile', (fn) => fn(ctx.client, { assistant_id: 'asst_abc', file_id: 'file-abc123' })),
        'DELETE',
        '/v1/assistants/asst_abc/files/file-abc123',
      );
    });

    it('threads: create (with messages), retrieve, modify, delete pass Prism', async () => {
      const thread = {
        messages: [{ role: 'user' as const, content: 'Hello, what is AI?', file_ids: ['file-abc123'], metadata: { source: 'web' } }],
        metadata: { user: 'u-1' },
      };
      expectCall(await exercise(pkg, assistants, 'createThread', (fn) => fn(ctx.client, thread)), 'POST', '/v1/threads', thread);
      expectCall(await exercise(pkg, assistants, 'createThread', (fn) => fn(ctx.client)), 'POST', '/v1/threads', {});
      expectCall(await exercise(pkg, assistants, 'retrieveThread', (fn) => fn(ctx.client, { thread_id: 'thread_abc' })), 'GET', '/v1/threads/thread_abc');
      expectCall(
        await exercise(pkg, assistants, 'modifyThread', (fn) => fn(ctx.client, { thread_id: 'thread_abc', metadata: { modified: 'true' } })),
        'POST',
        '/v1/threads/thread_abc',
        { metadata: { modified: 'true' } },
      );
      expectCall(await exercise(pkg, assistants, 'deleteThread', (fn) => fn(ctx.client, { thread_id: 'thread_abc' })), 'DELETE', '/v1/threads/thread_abc');
    });

    it('messages and message files: create, list, retrieve, modify pass Prism', async () => {
      const message = { role: 'user' as const, content: 'How does AI work?', file_ids: ['file-abc123'], metadata: { n: '1' } };
      expectCall(
        await exercise(pkg, assistants, 'createMessage', (fn) => fn(ctx.client, { thread_id: 'thread_abc', ...message })),
        'POST',
        '/v1/threads/thread_abc/messages',
        message,
      );
      expectCall(
        await exercise(pkg, assistants, 'listMessages', (fn) => fn(ctx.client, { thread_id: 'thread_abc', limit: 10, order: 'asc', after: 'msg_a' })),
        'GET',
        '/v1/threads/thread_abc/messages?limit=10&order=asc&after=msg_a',
      );
      expectCall(
        await exercise(pkg, assistants, 'retrieveMessage', (fn) => fn(ctx.client, { thread_id: 'thread_abc', message_id: 'msg_abc' })),
        'GET',
        '/v1/threads/thread_abc/messages/msg_abc',
      );
      // The API (and go-openai from v1.21) wraps the map: { "metadata": … }.
      expectCall(
        await exercise(pkg, assistants, 'modifyMessage', (fn) => fn(ctx.client, { thread_id: 'thread_abc', message_id: 'msg_abc', metadata: { flagged: 'no' } })),
        'POST',
        '/v1/threads/thread_abc/messages/msg_abc',
        { metadata: { flagged: 'no' } },
      );
      expectCall(
        await exercise(pkg, assistants, 'listMessageFiles', (fn) => fn(ctx.client, { thread_id: 'thread_abc', message_id: 'msg_abc', limit: 2 })),
        'GET',
        '/v1/threads/thread_abc/messages/msg_abc/files?limit=2',
      );
      expectCall(
        await exercise(pkg, assistants, 'retrieveMessageFile', (fn) => fn(ctx.client, { thread_id: 'thread_abc', message_id: 'msg_abc', file_id: 'file-abc123' })),
        'GET',
        '/v1/threads/thread_abc/messages/msg_abc/files/file-abc123',
      );
    });

    it('runs and run steps: create, createThreadAndRun, list, retrieve, modify, submit tool outputs, cancel pass Prism', async () => {
      const run = {
        assistant_id: 'asst_abc',
        model: 'gpt-4-turbo-preview',
        instructions: 'Answer briefly.',
        additional_instructions: 'Call the user Jane.',
        tools,
        metadata: { run: '1' },
      };
      expectCall(await exercise(pkg, assistants, 'createRun', (fn) => fn(ctx.client, { thread_id: 'thread_abc', ...run })), 'POST', '/v1/threads/thread_abc/runs', run);
      const threadAndRun = {
        assistant_id: 'asst_abc',
        thread: { messages: [{ role: 'user' as const, content: 'Explain deep learning to a 5 year old.' }], metadata: {} },
        model: 'gpt-4-turbo-preview',
        instructions: 'Answer briefly.',
        tools: [functionTool],
        metadata: { run: '2' },
      };
      expectCall(await exercise(pkg, assistants, 'createThreadAndRun', (fn) => fn(ctx.client, threadAndRun)), 'POST', '/v1/threads/runs', threadAndRun);
      expectCall(
        await exercise(pkg, assistants, 'listRuns', (fn) => fn(ctx.client, { thread_id: 'thread_abc', limit: 3, order: 'desc', before: 'run_b' })),
        'GET',
        '/v1/threads/thread_abc/runs?limit=3&order=desc&before=run_b',
      );
      expectCall(
        await exercise(pkg, assistants, 'retrieveRun', (fn) => fn(ctx.client, { thread_id: 'thread_abc', run_id: 'run_abc' })),
        'GET',
        '/v1/threads/thread_abc/runs/run_abc',
      );
      expectCall(
        await exercise(pkg, assistants, 'modifyRun', (fn) => fn(ctx.client, { thread_id: 'thread_abc', run_id: 'run_abc', metadata: { user_id: 'user_abc' } })),
        'POST',
        '/v1/threads/thread_abc/runs/run_abc',
        { metadata: { user_id: 'user_abc' } },
      );
      const outputs = { tool_outputs: [{ tool_call_id: 'call_abc', output: '28C' }] };
      expectCall(
        await exercise(pkg, assistants, 'submitToolOutputsToRun', (fn) => fn(ctx.client, { thread_id: 'thread_abc', run_id: 'run_abc', ...outputs })),
        'POST',
        '/v1/threads/thread_abc/runs/run_abc/submit_tool_outputs',
        outputs,
      );
      expectCall(
        await exercise(pkg, assistants, 'cancelRun', (fn) => fn(ctx.client, { thread_id: 'thread_abc', run_id: 'run_abc' })),
        'POST',
        '/v1/threads/thread_abc/runs/run_abc/cancel',
      );
      expectCall(
        await exercise(pkg, assistants, 'listRunSteps', (fn) => fn(ctx.client, { thread_id: 'thread_abc', run_id: 'run_abc', limit: 1, order: 'asc' })),
        'GET',
        '/v1/threads/thread_abc/runs/run_abc/steps?limit=1&order=asc',
      );
      expectCall(
        await exercise(pkg, assistants, 'retrieveRunStep', (fn) => fn(ctx.client, { thread_id: 'thread_abc', run_id: 'run_abc', step_id: 'step_abc' })),
        'GET',
        '/v1/threads/thread_abc/runs/run_abc/steps/step_abc',
      );
    });

    it('stream fixtures match AssistantStreamEvent (and a wrong one does not)', async () => {
      await expectSpecShaped(await runEvents('thread.run.completed'));
      await expectSpecShaped(await runEvents('thread.run.requires_action'));
      expect(await schemaViolations(ctx.prismURL, 'AssistantStreamEvent', { event: 'thread.run.created', data: { id: 'run_abc' } })).toBeDefined();
    });

    const streamed = [
      ['createRunStream', '/v1/threads/thread_abc/runs', { thread_id: 'thread_abc', assistant_id: 'asst_abc', instructions: 'Answer briefly.', tools }],
      ['createThreadAndRunStream', '/v1/threads/runs', { assistant_id: 'asst_abc', thread: { messages: [{ role: 'user', content: 'Hi' }] }, tools: [functionTool] }],
      ['submitToolOutputsToRunStream', '/v1/threads/thread_abc/runs/run_abc/submit_tool_outputs', { thread_id: 'thread_abc', run_id: 'run_abc', tool_outputs: [{ tool_call_id: 'call_abc', output: '28C' }] }],
    ] as const;
    for (const [name, path, params] of streamed) {
      it(`${name}: Prism accepts the body (stream: true), the client reads spec-shaped events`, async () => {
        const events = await runEvents('thread.run.completed');
        ctx.stream.script = namedEvents(events);
        const { result, exchanges } = await exercise(pkg, assistants, name, async (fn) => {
          const stream = await (fn as (client: unknown, params: unknown) => Promise<AsyncIterable<unknown>>)(ctx.streamClient, params);
          const received: unknown[] = [];
          for await (const event of stream) received.push(event);
          return received;
        });
        const exchange = only(exchanges);
        expect(exchange.request.url).toBe(path);
        expectBeta(exchange);
        expect(exchange.request.headers.accept).toBe('text/event-stream');
        const { thread_id: _thread, run_id: _run, ...body } = params as Record<string, unknown>;
        expect(requestJSON(exchange)).toEqual({ ...body, stream: true });
        expect(result).toEqual(events.filter((event) => event.event !== 'done'));
      });
    }
  });
}
