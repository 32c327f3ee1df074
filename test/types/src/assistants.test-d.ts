import {
  type Assistant,
  type AssistantStreamEvent,
  createAssistant,
  createMessage,
  createRun,
  createRunStream,
  listMessages,
  type Message,
  type MessageDelta,
  pollRun,
  RunEndedError,
  RunPollTimeoutError,
  type Run,
  type RunStatus,
  retrieveRun,
  runToolLoop,
  submitToolOutputsToRun,
} from '@openai-micro/assistants';
import { createClient, type EventStream, type OpenAIMicroError, type Page } from '@openai-micro/core';
import { describe, expectTypeOf, test } from 'vitest';

const client = createClient({ apiKey: 'sk-test' });

describe('assistants', () => {
  test('params hold path and body fields by their wire names', () => {
    expectTypeOf(createAssistant(client, { model: 'gpt-4o-mini', tools: [{ type: 'code_interpreter' }] })).resolves.toEqualTypeOf<Assistant>();
    expectTypeOf(createMessage(client, { thread_id: 'thread_abc', role: 'user', content: 'Hi' })).resolves.toEqualTypeOf<Message>();
    expectTypeOf(createRun(client, { thread_id: 'thread_abc', assistant_id: 'asst_abc' })).resolves.toEqualTypeOf<Run>();
    expectTypeOf(retrieveRun(client, { thread_id: 'thread_abc', run_id: 'run_abc' })).resolves.toEqualTypeOf<Run>();
    submitToolOutputsToRun(client, { thread_id: 'thread_abc', run_id: 'run_abc', tool_outputs: [{ tool_call_id: 'call_abc', output: '42' }] });
    // @ts-expect-error thread_id is required
    createMessage(client, { role: 'user', content: 'Hi' });
    // @ts-expect-error run_id is required
    retrieveRun(client, { thread_id: 'thread_abc' });
  });

  test('lists are pages that iterate over every item', async () => {
    const page = await listMessages(client, { thread_id: 'thread_abc', limit: 20, order: 'asc' });
    expectTypeOf(page).toEqualTypeOf<Page<Message>>();
    for await (const message of page) expectTypeOf(message).toEqualTypeOf<Message>();
  });

  test('a run stream yields events discriminated by name', async () => {
    const stream = await createRunStream(client, { thread_id: 'thread_abc', assistant_id: 'asst_abc' });
    expectTypeOf(stream).toEqualTypeOf<EventStream<AssistantStreamEvent>>();
    for await (const event of stream) {
      if (event.event === 'thread.message.delta') expectTypeOf(event.data).toEqualTypeOf<MessageDelta>();
      if (event.event === 'thread.run.completed') expectTypeOf(event.data).toEqualTypeOf<Run>();
    }
  });

  test('polling and the tool loop resolve to the run; their errors narrow', async () => {
    expectTypeOf(pollRun(client, { thread_id: 'thread_abc', run_id: 'run_abc' }, { intervalMs: 500 })).resolves.toEqualTypeOf<Run>();
    runToolLoop(client, { thread_id: 'thread_abc', run_id: 'run_abc' }, { tools: { add: ({ a, b }: { a: number; b: number }) => a + b } });
    expectTypeOf<'completed'>().toExtend<RunStatus>();
    expectTypeOf<'a-newer-status'>().toExtend<RunStatus>();
    const error: unknown = undefined;
    if (RunEndedError.isInstance(error)) expectTypeOf(error.run).toEqualTypeOf<Run>();
    if (RunPollTimeoutError.isInstance(error)) expectTypeOf(error.milliseconds).toEqualTypeOf<number>();
    expectTypeOf<RunEndedError>().toExtend<OpenAIMicroError>();
  });
});
