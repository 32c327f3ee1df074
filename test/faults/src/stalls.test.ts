import { createChatCompletion, createChatCompletionStream } from '@openai-micro/chat';
import { createCompletionStream } from '@openai-micro/completions';
import { StreamProtocolError, TimeoutError } from '@openai-micro/core';
import { downloadFile, retrieveFile } from '@openai-micro/files';
import { retrieveModel } from '@openai-micro/models';
import { expect } from 'vitest';
import { chatChunk, chatParams, deltaOf, gone, pause, runFamily, type Scenario, scenarioOf, slackMs, sseHeaders } from './support.js';

// The limits these scenarios configure; each asserts the call ended within them.
const scenario = scenarioOf('stalls');

const timeout = 300;
const idle = 300;

const requestTimeout = { is: TimeoutError, fields: { timeout: 'request', milliseconds: timeout }, message: `${timeout} ms` } as const;
const idleTimeout = { is: TimeoutError, fields: { timeout: 'streamIdle', milliseconds: idle }, message: `${idle} ms` } as const;

const table: Scenario<'stalls', any>[] = [
  scenario({
    name: 'stalled headers',
    variant: 'each attempt ends at `timeout`, retried once, socket closed',
    options: { timeout, maxRetries: 1 },
    serve: () => (_request, reply) => reply.stall(),
    act: (client) => createChatCompletion(client, chatParams),
    expect: {
      error: requestTimeout,
      requests: 2,
      // Two attempts of 300 ms and one backoff of 375–500 ms.
      elapsedMs: [2 * timeout + 370, 2 * timeout + 500 + slackMs],
      released: true,
      verify: (_outcome, run) => expect(TimeoutError.isInstance(run.retries[0]?.error)).toBe(true),
    },
  }),
  scenario({
    name: 'stalled headers',
    variant: 'a stream’s headers are bounded by `timeout` too',
    options: { timeout, streamIdleTimeout: 10_000 },
    serve: () => (_request, reply) => reply.stall(),
    act: (client) => createChatCompletionStream(client, chatParams),
    expect: { error: requestTimeout, requests: 1, elapsedMs: [timeout - 5, timeout + slackMs], released: true },
  }),
  scenario({
    name: 'stalled body',
    variant: 'JSON: headers and half the body, then silence',
    options: { timeout },
    serve: () => async (_request, reply) => {
      await reply.head(200, { 'content-type': 'application/json', 'content-length': '200' });
      await reply.write('{"id":"file-fault","object":"file",');
      await reply.stall();
    },
    act: (client) => retrieveFile(client, { file_id: 'file-fault' }),
    expect: { error: requestTimeout, requests: 1, elapsedMs: [timeout - 5, timeout + slackMs], released: true },
  }),
  scenario({
    name: 'stalled body',
    variant: 'a download: bytes, then silence for `streamIdleTimeout`',
    options: { timeout: 10_000, streamIdleTimeout: idle },
    serve: () => async (_request, reply) => {
      await reply.head(200, { 'content-type': 'application/octet-stream' });
      await reply.write('the first kilobyte'.repeat(60));
      await reply.stall();
    },
    act: async (client, run) => run.collect(await downloadFile(client, { file_id: 'file-fault' })),
    expect: {
      error: idleTimeout,
      requests: 1,
      elapsedMs: [idle - 5, idle + slackMs],
      released: true,
      verify: (_outcome, run) => expect(Buffer.concat(run.items as Uint8Array[]).length).toBe(18 * 60),
    },
  }),
  scenario({
    name: 'stalled stream',
    variant: 'two chunks, then silence',
    options: { timeout: 10_000, streamIdleTimeout: idle, maxRetries: 2 },
    serve: () => async (_request, reply) => {
      await reply.head(200, sseHeaders);
      await reply.write(chatChunk('Hel'));
      await reply.write(chatChunk('lo'));
      await reply.stall();
    },
    act: async (client, run) => run.collect(await createChatCompletionStream(client, chatParams)),
    expect: {
      error: idleTimeout,
      requests: 1,
      items: 2,
      elapsedMs: [idle - 5, idle + slackMs],
      released: true,
      verify: (_outcome, run) => expect(run.items.map(deltaOf)).toEqual(['Hel', 'lo']),
    },
  }),
  scenario<{ pings: number; pingsAtEnd?: number }>({
    name: 'a stream of keep-alive comments only',
    variant: 'comments do not reset the idle clock',
    options: { timeout: 10_000, streamIdleTimeout: idle },
    state: () => ({ pings: 0 }),
    serve: (run) => async (_request, reply) => {
      await reply.head(200, sseHeaders);
      while (!gone(reply)) {
        await reply.write(': keep-alive\n\n');
        run.state.pings++;
        await pause(reply, 25);
      }
    },
    act: async (client, run) => {
      try {
        return await run.collect(await createChatCompletionStream(client, chatParams));
      } finally {
        run.state.pingsAtEnd = run.state.pings;
      }
    },
    expect: {
      error: idleTimeout,
      requests: 1,
      items: 0,
      elapsedMs: [idle - 5, idle + slackMs],
      released: true,
      verify: async (_outcome, run) => {
        expect(run.state.pingsAtEnd).toBeGreaterThan(5);
        // The server noticed the hang-up and stopped pinging.
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(run.state.pings - run.state.pingsAtEnd!).toBeLessThanOrEqual(2);
      },
    },
  }),
  ...(
    [
      ['LF, the default limit of 300', '\n', undefined, 300],
      ['CRLF, a configured limit of 20', '\r\n', 20, 20],
    ] as const
  ).map(([variant, line, configured, limit]) =>
    scenario<{ sent: number }>({
      name: 'endless blank lines',
      variant,
      options: { timeout: 10_000, streamIdleTimeout: 10_000, emptyMessagesLimit: configured },
      state: () => ({ sent: 0 }),
      serve: (run) => async (_request, reply) => {
        await reply.head(200, sseHeaders);
        await reply.write(chatChunk('first'));
        const flood = line.repeat(1024);
        while (!gone(reply)) {
          await reply.write(flood);
          run.state.sent += 1024;
        }
      },
      act: async (client, run) => run.collect(await createCompletionStream(client, { model: 'gpt-3.5-turbo-instruct', prompt: 'Hi' })),
      expect: {
        error: { is: StreamProtocolError, fields: { reason: 'emptyMessagesLimit' }, message: `more than ${limit} lines` },
        requests: 1,
        items: 1,
        // Ended by the count, long before either timeout.
        elapsedMs: [0, slackMs],
        released: true,
      },
    }),
  ),
  scenario({
    name: 'a slow drip',
    variant: 'a healthy stream, one event every 120 ms, outlives both timeouts',
    options: { timeout: 200, streamIdleTimeout: idle },
    serve: () => (_request, reply) =>
      reply.sse([...Array.from({ length: 8 }, (_, index) => chatChunk(`${index}`)), chatChunk('', 'stop'), 'data: [DONE]\n\n'], { delayMs: 120 }),
    act: async (client, run) => run.collect(await createChatCompletionStream(client, chatParams)),
    expect: {
      value: (items) => expect(items.map(deltaOf)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '']),
      requests: 1,
      items: 9,
      elapsedMs: [9 * 120 - 20, 9 * 120 + slackMs],
    },
  }),
  scenario({
    name: 'a slow drip',
    variant: 'a download, 1 KiB every 100 ms, is never cut by the idle timeout',
    options: { timeout: 200, streamIdleTimeout: idle },
    serve: () => (_request, reply) => reply.chunks(200, { 'content-type': 'application/jsonl' }, Array.from({ length: 8 }, () => Buffer.alloc(1024, 'x')), { delayMs: 100 }),
    act: async (client, run) => run.collect(await downloadFile(client, { file_id: 'file-fault' })),
    expect: {
      value: (chunks: Uint8Array[]) => expect(Buffer.concat(chunks).length).toBe(8 * 1024),
      requests: 1,
      elapsedMs: [700 - 20, 700 + slackMs],
    },
  }),
  scenario<{ dripped: number }>({
    name: 'a slow drip',
    variant: 'a JSON body dripped a byte at a time is bounded by `timeout` (slowloris)',
    options: { timeout },
    state: () => ({ dripped: 0 }),
    serve: (run) => async (_request, reply) => {
      const body = JSON.stringify({ id: 'gpt-4o-mini', object: 'model', created: 1, owned_by: 'system', padding: 'x'.repeat(500) });
      await reply.head(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      for (const character of body) {
        if (gone(reply)) return;
        await reply.write(character);
        run.state.dripped++;
        await pause(reply, 10);
      }
      await reply.end();
    },
    act: (client) => retrieveModel(client, { model: 'gpt-4o-mini' }),
    expect: {
      error: requestTimeout,
      requests: 1,
      elapsedMs: [timeout - 5, timeout + slackMs],
      released: true,
      verify: (_outcome, run) => expect(run.state.dripped).toBeGreaterThan(5),
    },
  }),
];

runFamily('stalls', table);
