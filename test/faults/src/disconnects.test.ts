import { createRunStream } from '@openai-micro/assistants';
import { createChatCompletionStream } from '@openai-micro/chat';
import { ConnectionError } from '@openai-micro/core';
import { createEmbedding } from '@openai-micro/embeddings';
import { downloadFile, retrieveFile } from '@openai-micro/files';
import type { LoopbackReply } from '@openai-micro/tooling/loopback';
import { expect } from 'vitest';
import {
  brokenThenFile,
  chatChunk,
  chatParams,
  deltaOf,
  embeddingResponse,
  fileObject,
  inTurn,
  pause,
  runFamily,
  type Scenario,
  scenarioOf,
  slackMs,
  sseHeaders,
} from './support.js';

const scenario = scenarioOf('disconnects');

const fileJSON = JSON.stringify(fileObject);

/** Half a body, a pause so the client has read it (else Linux reports the reset as a clean end), then a TCP reset. */
const cutAfter = (head: Record<string, string>, part: string) => async (reply: LoopbackReply) => {
  await reply.head(200, head);
  await reply.write(part);
  await pause(reply, 30);
  await reply.reset();
};

const table: Scenario<'disconnects', any>[] = [
  scenario({
    name: 'reset before headers',
    variant: 'retried, then succeeded',
    options: { maxRetries: 2 },
    serve: () => inTurn((_request, reply) => reply.reset(), (_request, reply) => reply.json(200, embeddingResponse)),
    act: (client) => createEmbedding(client, { model: 'text-embedding-3-small', input: ['a', 'b'] }),
    expect: {
      value: (response) => expect(response.data).toHaveLength(1),
      requests: 2,
      // One backoff of 375–500 ms.
      elapsedMs: [370, 500 + slackMs],
      verify: (_outcome, run) => {
        expect(ConnectionError.isInstance(run.retries[0]?.error)).toBe(true);
        expect(run.server.requests[1]?.body.equals(run.server.requests[0]!.body)).toBe(true);
      },
    },
  }),
  scenario({
    name: 'reset before headers',
    variant: 'every attempt reset: a ConnectionError after maxRetries',
    options: { maxRetries: 1 },
    serve: () => (_request, reply) => reply.reset(),
    act: (client) => retrieveFile(client, { file_id: 'file-fault' }),
    expect: {
      error: { is: ConnectionError, message: /connection failed/i },
      requests: 2,
      elapsedMs: [370, 500 + slackMs],
      released: true,
      verify: (outcome) => expect((outcome.error as Error).cause).toBeDefined(),
    },
  }),
  scenario({
    name: 'reset mid-body',
    variant: 'a JSON body is retried, then succeeds',
    ...brokenThenFile((_request, reply) => cutAfter({ 'content-type': 'application/json', 'content-length': String(fileJSON.length) }, fileJSON.slice(0, 20))(reply)),
  }),
  scenario({
    name: 'reset mid-body',
    variant: 'a download already handed to the caller is not retried',
    options: { maxRetries: 2 },
    serve: () => (_request, reply) => cutAfter({ 'content-type': 'application/octet-stream' }, 'first bytes of the file')(reply),
    act: async (client, run) => run.collect(await downloadFile(client, { file_id: 'file-fault' })),
    expect: {
      error: { is: ConnectionError },
      requests: 1,
      elapsedMs: [20, slackMs],
      released: true,
      verify: (_outcome, run) => expect(Buffer.concat(run.items as Uint8Array[]).toString()).toBe('first bytes of the file'),
    },
  }),
  scenario({
    name: 'reset mid-stream',
    variant: 'chat: the chunks already read, then a ConnectionError, never a replay',
    options: { maxRetries: 2 },
    serve: () => async (_request, reply) => {
      await reply.head(200, sseHeaders);
      await reply.write(chatChunk('Hel'));
      await reply.write(chatChunk('lo'));
      await pause(reply, 30);
      await reply.reset();
    },
    act: async (client, run) => run.collect(await createChatCompletionStream(client, chatParams)),
    expect: {
      error: { is: ConnectionError },
      requests: 1,
      items: 2,
      elapsedMs: [20, slackMs],
      released: true,
      verify: (_outcome, run) => expect(run.items.map(deltaOf)).toEqual(['Hel', 'lo']),
    },
  }),
  scenario({
    name: 'reset mid-stream',
    variant: 'assistants run stream cut inside an event',
    options: { maxRetries: 2 },
    serve: () => async (_request, reply) => {
      await reply.head(200, sseHeaders);
      await reply.write('event: thread.run.created\ndata: {"id":"run_1","object":"thread.run","status":"queued"}\n\n');
      await reply.write('event: thread.message.delta\ndata: {"id":"msg_1","delta":{"content":[{"ind');
      await pause(reply, 30);
      await reply.reset();
    },
    act: async (client, run) => run.collect(await createRunStream(client, { thread_id: 'thread_1', assistant_id: 'asst_1' })),
    expect: {
      error: { is: ConnectionError },
      requests: 1,
      items: 1,
      elapsedMs: [20, slackMs],
      released: true,
      verify: (_outcome, run) => expect(run.items).toEqual([{ event: 'thread.run.created', data: { id: 'run_1', object: 'thread.run', status: 'queued' } }]),
    },
  }),
];

runFamily('disconnects', table);
