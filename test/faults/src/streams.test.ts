import { createRunStream } from '@openai-micro/assistants';
import { createChatCompletionStream } from '@openai-micro/chat';
import { createCompletionStream } from '@openai-micro/completions';
import { ResponseTooLargeError, StreamEventError, StreamProtocolError } from '@openai-micro/core';
import type { LoopbackReply, RecordedRequest } from '@openai-micro/tooling/loopback';
import { expect } from 'vitest';
import { chatChunk, chatParams, deltaOf, MiB, pour, runFamily, type Scenario, scenarioOf, slackMs, sseHeaders } from './support.js';

const scenario = scenarioOf('streams');

const sixtyFourMB = 64 * 1000 * 1000;

/** One event of 64 MB: its `data:` line never ends before the body does. */
const hugeEvent = (counter: { sent: number }) => async (_request: RecordedRequest, reply: LoopbackReply) => {
  await reply.head(200, sseHeaders);
  await reply.write(chatChunk('before'));
  await reply.write('data: {"padding":"');
  await pour(reply, Buffer.alloc(MiB, 'y'), sixtyFourMB, counter);
};

/**
 * Sends the events, then holds the connection open without another byte: the
 * client must end the stream on the bad event and close the socket itself, not
 * wait for the server to finish.
 */
const eventsThenHold = (events: string[]) => async (_request: RecordedRequest, reply: LoopbackReply) => {
  await reply.head(200, sseHeaders);
  for (const event of events) await reply.write(event);
  await reply.stall();
};

const serverError = { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: 'internal_error' };

const table: Scenario<'streams', any>[] = [
  scenario<{ sent: number }>({
    name: 'one 64 MB SSE event',
    variant: 'refused at the default maxEventBytes (16 MiB)',
    options: { timeout: 10_000, streamIdleTimeout: 5000 },
    state: () => ({ sent: 0 }),
    serve: (run) => hugeEvent(run.state),
    act: async (client, run) => run.collect(await createChatCompletionStream(client, chatParams)),
    expect: {
      error: { is: ResponseTooLargeError, fields: { option: 'maxEventBytes', limit: 16 * MiB } },
      requests: 1,
      items: 1,
      elapsedMs: [0, 5000],
      released: true,
      // 16 Mi characters of text and the chunks in flight: less than the 64 MB event itself.
      memoryMiB: { rss: 96, heap: 48 },
      verify: (_outcome, run) => expect(run.state.sent).toBeLessThan(sixtyFourMB),
    },
    testTimeoutMs: 30_000,
  }),
  scenario<{ sent: number }>({
    name: 'one 64 MB SSE event',
    variant: 'refused at a configured maxEventBytes of 1 MiB, unread beyond it',
    options: { timeout: 10_000, streamIdleTimeout: 5000, maxEventBytes: MiB },
    state: () => ({ sent: 0 }),
    serve: (run) => hugeEvent(run.state),
    act: async (client, run) => run.collect(await createChatCompletionStream(client, chatParams)),
    expect: {
      error: { is: ResponseTooLargeError, fields: { option: 'maxEventBytes', limit: MiB } },
      requests: 1,
      items: 1,
      elapsedMs: [0, slackMs],
      released: true,
      memoryMiB: { rss: 40, heap: 32 },
      verify: async (_outcome, run) => {
        await Promise.all(run.carriers);
        expect(run.state.sent).toBeLessThan(24 * MiB);
      },
    },
  }),
  scenario({
    name: 'error events in a stream',
    variant: 'chat: data: {"error": …} after two chunks',
    options: { maxRetries: 2 },
    serve: () => eventsThenHold([chatChunk('Hel'), chatChunk('lo'), `data: ${JSON.stringify({ error: serverError })}\n\n`, chatChunk('never')]),
    act: async (client, run) => run.collect(await createChatCompletionStream(client, chatParams)),
    expect: {
      error: { is: StreamEventError, message: serverError.message, fields: { type: 'server_error', code: 'internal_error' } },
      requests: 1,
      items: 2,
      elapsedMs: [0, slackMs],
      released: true,
      verify: (_outcome, run) => expect(run.items.map(deltaOf)).toEqual(['Hel', 'lo']),
    },
  }),
  scenario({
    name: 'error events in a stream',
    variant: 'assistants: event: error mid-run',
    serve: () =>
      eventsThenHold([
        'event: thread.run.created\ndata: {"id":"run_1","object":"thread.run","status":"queued"}\n\n',
        `event: error\ndata: ${JSON.stringify(serverError)}\n\n`,
        'event: thread.run.completed\ndata: {"id":"run_1","object":"thread.run","status":"completed"}\n\n',
      ]),
    act: async (client, run) => run.collect(await createRunStream(client, { thread_id: 'thread_1', assistant_id: 'asst_1' })),
    expect: {
      error: { is: StreamEventError, message: serverError.message, fields: { code: 'internal_error' } },
      requests: 1,
      items: 1,
      elapsedMs: [0, slackMs],
      released: true,
    },
  }),
  scenario({
    name: 'error events in a stream',
    variant: 'completions: event: error with plain text data',
    serve: () => eventsThenHold([chatChunk('one'), 'event: error\ndata: upstream model crashed\n\n']),
    act: async (client, run) => run.collect(await createCompletionStream(client, { model: 'gpt-3.5-turbo-instruct', prompt: 'Hi' })),
    expect: { error: { is: StreamEventError, message: 'upstream model crashed' }, requests: 1, items: 1, elapsedMs: [0, slackMs], released: true },
  }),
  scenario({
    name: 'a malformed JSON chunk',
    variant: 'data cut inside an object',
    options: { maxRetries: 2 },
    serve: () => eventsThenHold([chatChunk('Hel'), 'data: {"id":"chatcmpl-fault","choices":[{"delta":\n\n', chatChunk('lo', 'stop'), 'data: [DONE]\n\n']),
    act: async (client, run) => run.collect(await createChatCompletionStream(client, chatParams)),
    expect: {
      error: { is: StreamProtocolError, fields: { reason: 'malformedEvent' }, message: /not JSON.*"delta":/ },
      requests: 1,
      items: 1,
      elapsedMs: [0, slackMs],
      released: true,
    },
  }),
  ...(['null', '42', '"a string"', 'true'] as const).map((data) =>
    scenario({
      name: 'a malformed JSON chunk',
      variant: `JSON that is not an object: ${data}`,
      serve: () => eventsThenHold([chatChunk('Hel'), `data: ${data}\n\n`, chatChunk('lo', 'stop'), 'data: [DONE]\n\n']),
      act: async (client, run) => run.collect(await createChatCompletionStream(client, chatParams)),
      expect: { error: { is: StreamProtocolError, fields: { reason: 'malformedEvent' } }, requests: 1, items: 1, elapsedMs: [0, slackMs], released: true },
    }),
  ),
  scenario({
    name: 'a malformed JSON chunk',
    variant: 'event: error with data: null',
    serve: () => eventsThenHold([chatChunk('Hel'), 'event: error\ndata: null\n\n']),
    act: async (client, run) => run.collect(await createChatCompletionStream(client, chatParams)),
    expect: { error: { is: StreamEventError }, requests: 1, items: 1, elapsedMs: [0, slackMs], released: true },
  }),
];

runFamily('streams', table);
