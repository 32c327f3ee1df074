import { type Client, createClient, ResponseParseError } from '@openai-micro/core';
import { jsonReply, startTestServer, type TestServer } from '@openai-micro/testing';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cancelRun } from './cancel-run.js';
import { createAssistant } from './create-assistant.js';
import { createAssistantFile } from './create-assistant-file.js';
import { createMessage } from './create-message.js';
import { createRun } from './create-run.js';
import { createThread } from './create-thread.js';
import { createThreadAndRun } from './create-thread-and-run.js';
import { deleteAssistant } from './delete-assistant.js';
import { deleteAssistantFile } from './delete-assistant-file.js';
import { deleteThread } from './delete-thread.js';
import { listAssistantFiles } from './list-assistant-files.js';
import { listAssistants } from './list-assistants.js';
import { listMessageFiles } from './list-message-files.js';
import { listMessages } from './list-messages.js';
import { listRunSteps } from './list-run-steps.js';
import { listRuns } from './list-runs.js';
import { modifyAssistant } from './modify-assistant.js';
import { modifyMessage } from './modify-message.js';
import { modifyRun } from './modify-run.js';
import { modifyThread } from './modify-thread.js';
import { retrieveAssistant } from './retrieve-assistant.js';
import { retrieveAssistantFile } from './retrieve-assistant-file.js';
import { retrieveMessage } from './retrieve-message.js';
import { retrieveMessageFile } from './retrieve-message-file.js';
import { retrieveRun } from './retrieve-run.js';
import { retrieveRunStep } from './retrieve-run-step.js';
import { retrieveThread } from './retrieve-thread.js';
import {
  createAssistantFileObjectSchema,
  createAssistantObjectSchema,
  createDeleteAssistantFileResponseSchema,
  createDeleteAssistantResponseSchema,
  createDeleteThreadResponseSchema,
  createListAssistantFilesResponseSchema,
  createListAssistantsResponseSchema,
  createListMessageFilesResponseSchema,
  createListMessagesResponseSchema,
  createListRunStepsResponseSchema,
  createListRunsResponseSchema,
  createMessageFileObjectSchema,
  createMessageObjectSchema,
  createRunObjectSchema,
  createRunStepObjectSchema,
  createThreadObjectSchema,
} from './schemas.js';
import { submitToolOutputsToRun } from './submit-tool-outputs-to-run.js';
import type { Run } from './types.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ runToolCalls: true });
});
afterEach(() => server.reset());
afterAll(() => server.close());

const client = () => createClient({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });
const tools = [
  { type: 'code_interpreter' as const },
  { type: 'retrieval' as const },
  { type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } },
];

/** Retrieves the run, validated, until it is no longer queued or in progress. */
async function settle(api: Client, run: Run): Promise<Run> {
  while (run.status === 'queued' || run.status === 'in_progress') {
    run = await retrieveRun(api, { thread_id: run.thread_id, run_id: run.id }, { schema: createRunObjectSchema() });
  }
  return run;
}

describe('assistants response schemas', () => {
  it('validate assistants and their files through create, retrieve, modify, list and delete', async () => {
    const api = client();
    const schema = createAssistantObjectSchema();
    const assistant = await createAssistant(api, { model: 'gpt-4o-mini', name: 'Helper', tools, file_ids: ['file-1'] }, { schema });
    expect(assistant.tools.map((tool) => tool.type)).toEqual(['code_interpreter', 'retrieval', 'function']);
    await retrieveAssistant(api, { assistant_id: assistant.id }, { schema });
    expect((await modifyAssistant(api, { assistant_id: assistant.id, name: 'Renamed' }, { schema })).name).toBe('Renamed');
    expect((await listAssistants(api, {}, { schema: createListAssistantsResponseSchema() })).data).toHaveLength(1);

    const ids = { assistant_id: assistant.id, file_id: 'file-2' };
    expect((await createAssistantFile(api, ids, { schema: createAssistantFileObjectSchema() })).assistant_id).toBe(assistant.id);
    await retrieveAssistantFile(api, ids, { schema: createAssistantFileObjectSchema() });
    expect((await listAssistantFiles(api, { assistant_id: assistant.id }, { schema: createListAssistantFilesResponseSchema() })).data).toHaveLength(1);
    expect((await deleteAssistantFile(api, ids, { schema: createDeleteAssistantFileResponseSchema() })).deleted).toBe(true);
    expect((await deleteAssistant(api, { assistant_id: assistant.id }, { schema: createDeleteAssistantResponseSchema() })).deleted).toBe(true);
  });

  it('validate threads, messages and message files', async () => {
    const api = client();
    const thread = await createThread(api, { messages: [{ role: 'user', content: 'Hello', file_ids: ['file-1'] }] }, { schema: createThreadObjectSchema() });
    await retrieveThread(api, { thread_id: thread.id }, { schema: createThreadObjectSchema() });
    await modifyThread(api, { thread_id: thread.id, metadata: { topic: 'greeting' } }, { schema: createThreadObjectSchema() });

    const schema = createMessageObjectSchema();
    const message = await createMessage(api, { thread_id: thread.id, role: 'user', content: 'How are you?' }, { schema });
    expect(message.content[0]).toMatchObject({ type: 'text', text: { value: 'How are you?' } });
    await retrieveMessage(api, { thread_id: thread.id, message_id: message.id }, { schema });
    await modifyMessage(api, { thread_id: thread.id, message_id: message.id, metadata: { seen: 'yes' } }, { schema });
    const messages = await listMessages(api, { thread_id: thread.id, order: 'asc' }, { schema: createListMessagesResponseSchema() });
    expect(messages.data).toHaveLength(2);

    const first = { thread_id: thread.id, message_id: messages.data[0]!.id };
    const files = await listMessageFiles(api, first, { schema: createListMessageFilesResponseSchema() });
    expect(files.data.map((file) => file.id)).toEqual(['file-1']);
    await retrieveMessageFile(api, { ...first, file_id: 'file-1' }, { schema: createMessageFileObjectSchema() });
    expect((await deleteThread(api, { thread_id: thread.id }, { schema: createDeleteThreadResponseSchema() })).deleted).toBe(true);
  });

  it('validate runs and run steps: completed, tool calls answered, cancelled', async () => {
    const api = client();
    const schema = createRunObjectSchema();
    // Runs copy the assistant's instructions, a string in the API's runs (the test server sends null when there are none).
    const assistant = await createAssistant(api, { model: 'gpt-4o-mini', instructions: 'Be brief.' });
    const completed = await settle(api, await createThreadAndRun(api, { assistant_id: assistant.id, thread: { messages: [{ role: 'user', content: 'Hi' }] } }, { schema }));
    expect(completed.status).toBe('completed');
    const ids = { thread_id: completed.thread_id, run_id: completed.id };
    await modifyRun(api, { ...ids, metadata: { checked: 'yes' } }, { schema });
    const steps = await listRunSteps(api, ids, { schema: createListRunStepsResponseSchema() });
    expect(steps.data[0]?.step_details.type).toBe('message_creation');
    await retrieveRunStep(api, { ...ids, step_id: steps.data[0]!.id }, { schema: createRunStepObjectSchema() });

    const waiting = await settle(api, await createRun(api, { thread_id: completed.thread_id, assistant_id: assistant.id, tools: tools.slice(2) }, { schema }));
    expect(waiting.status).toBe('requires_action');
    const call = waiting.required_action!.submit_tool_outputs.tool_calls[0]!;
    const resumed = await submitToolOutputsToRun(api, { thread_id: waiting.thread_id, run_id: waiting.id, tool_outputs: [{ tool_call_id: call.id, output: '21' }] }, { schema });
    expect((await settle(api, resumed)).status).toBe('completed');
    const toolSteps = await listRunSteps(api, { thread_id: waiting.thread_id, run_id: waiting.id }, { schema: createListRunStepsResponseSchema() });
    expect(toolSteps.data.map((step) => step.step_details.type)).toContain('tool_calls');

    const cancelled = await cancelRun(api, { thread_id: completed.thread_id, run_id: (await createRun(api, { thread_id: completed.thread_id, assistant_id: assistant.id })).id }, { schema });
    expect(cancelled.status).toBe('cancelling');
    expect((await listRuns(api, { thread_id: completed.thread_id }, { schema: createListRunsResponseSchema() })).data).toHaveLength(3);
  });

  it('accept what Assistants v2 sends: image URLs, refusals, attachments and tool resources', () => {
    const message = {
      id: 'msg_1',
      object: 'thread.message',
      created_at: 1,
      thread_id: 'thread_1',
      status: 'completed',
      role: 'user',
      content: [
        { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } },
        { type: 'refusal', refusal: 'I cannot help with that.' },
        { type: 'text', text: { value: 'See 【0†source】', annotations: [{ type: 'file_citation', text: '【0†source】', start_index: 4, end_index: 14, file_citation: { file_id: 'file-1' } }] } },
      ],
      attachments: [{ file_id: 'file-1', tools: [{ type: 'file_search' }] }],
      assistant_id: null,
      run_id: null,
      metadata: {},
    };
    expect(v.parse(createMessageObjectSchema(), message)).toEqual(message);
    const assistant = { id: 'asst_1', object: 'assistant', created_at: 1, name: null, description: null, model: 'gpt-4o', instructions: null, metadata: {} };
    const v2 = { ...assistant, tools: [{ type: 'file_search', file_search: { max_num_results: 5 } }], tool_resources: { file_search: { vector_store_ids: ['vs_1'] } }, top_p: 1 };
    expect(v.parse(createAssistantObjectSchema(), v2)).toEqual(v2);
  });

  it('reject malformed answers with ResponseParseError carrying the issues', async () => {
    const api = client();
    const thread = await createThread(api, {});
    server.replyOnce(
      'POST /v1/threads/{thread_id}/messages',
      jsonReply({ id: 'msg_1', object: 'thread.message', created_at: 1, thread_id: thread.id, role: 'user', content: [{ type: 'video', video: {} }], assistant_id: null, run_id: null, metadata: null }),
    );
    const error = await createMessage(api, { thread_id: thread.id, role: 'user', content: 'x' }, { schema: createMessageObjectSchema() }).catch((caught: unknown) => caught);
    expect(ResponseParseError.isInstance(error)).toBe(true);
    expect((error as ResponseParseError).issues?.map((issue) => v.getDotPath(issue as v.BaseIssue<unknown>))).toEqual(['content.0.type']);

    server.replyOnce('GET /v1/threads/{thread_id}/runs', jsonReply({ object: 'list', data: [{ id: 'run_1' }], has_more: false }));
    const listError = await listRuns(api, { thread_id: thread.id }, { schema: createListRunsResponseSchema() }).catch((caught: unknown) => caught);
    const paths = (listError as ResponseParseError).issues?.map((issue) => v.getDotPath(issue as v.BaseIssue<unknown>));
    expect(paths).toEqual(expect.arrayContaining(['data.0.status', 'data.0.tools', 'first_id', 'last_id']));
  });
});
