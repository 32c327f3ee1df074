import { createGzip } from 'node:zlib';
import { createChatCompletion, createChatCompletionStream } from '@openai-micro/chat';
import { ResponseParseError, ResponseTooLargeError, StreamProtocolError } from '@openai-micro/core';
import { createEmbedding } from '@openai-micro/embeddings';
import { downloadFile, listFiles } from '@openai-micro/files';
import { retrieveModel } from '@openai-micro/models';
import { beforeAll, expect } from 'vitest';
import {
  brokenThenFile,
  chatChunk,
  chatCompletion,
  chatParams,
  deltaOf,
  MiB,
  pour,
  runFamily,
  type Scenario,
  scenarioOf,
  slackMs,
  sseHeaders,
} from './support.js';

const scenario = scenarioOf('bodies');

const htmlPage = '<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>';

/** Gzip of `size` bytes of `fill`, compressed as it is produced so the bomb itself never sits in memory uncompressed. */
async function gzipOf(size: number, prefix = '', fill = 0x20): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (part: Buffer) => parts.push(part));
  const ended = new Promise((resolve) => gzip.on('end', resolve));
  gzip.write(prefix);
  const block = Buffer.alloc(MiB, fill);
  for (let written = 0; written < size; written += MiB) if (!gzip.write(block)) await new Promise((resolve) => gzip.once('drain', resolve));
  gzip.end();
  await ended;
  return Buffer.concat(parts);
}

// 128 MiB of spaces inside a JSON string, and of spaces inside one stream event:
// a few hundred kilobytes on the wire each.
const bombs: { json: Buffer; event: Buffer } = { json: Buffer.alloc(0), event: Buffer.alloc(0) };
beforeAll(async () => {
  bombs.json = await gzipOf(128 * MiB, '{"object":"list","data":[],"padding":"');
  bombs.event = await gzipOf(128 * MiB, 'data: {"padding":"');
}, 20_000);

const hundredMB = 100 * 1000 * 1000;
const megabyte = Buffer.alloc(MiB, 'a');

const table: Scenario<'bodies', any>[] = [
  scenario({
    name: 'truncated JSON',
    variant: 'a complete response whose JSON stops half-way: typed, not retried',
    options: { maxRetries: 2 },
    serve: () => (_request, reply) => reply.send(200, '{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,', { 'content-type': 'application/json' }),
    act: (client) => createEmbedding(client, { model: 'text-embedding-3-small', input: 'hello' }),
    expect: {
      error: { is: ResponseParseError, status: 200, message: /truncated or malformed JSON/ },
      requests: 1,
      elapsedMs: [0, slackMs],
      verify: (outcome) => expect((outcome.error as ResponseParseError).bodyExcerpt).toContain('"embedding":[0.1,'),
    },
  }),
  scenario({
    name: 'truncated JSON',
    variant: 'a body shorter than its content-length is a dropped connection, retried',
    ...brokenThenFile((_request, reply) =>
      reply.raw('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 400\r\n\r\n{"id":"file-fault","obj', { afterwards: 'end' }),
    ),
  }),
  scenario({
    name: 'a 200 with an HTML page',
    variant: 'where JSON was expected',
    options: { maxRetries: 2 },
    serve: () => (_request, reply) => reply.send(200, htmlPage, { 'content-type': 'text/html' }),
    act: (client) => createChatCompletion(client, chatParams),
    expect: {
      error: { is: ResponseParseError, status: 200, message: /HTML/ },
      requests: 1,
      elapsedMs: [0, slackMs],
      verify: (outcome) => expect((outcome.error as ResponseParseError).bodyExcerpt).toContain('Welcome to nginx!'),
    },
  }),
  scenario({
    name: 'a 200 with an HTML page',
    variant: 'where an event stream was expected',
    serve: () => (_request, reply) => reply.send(200, htmlPage, { 'content-type': 'text/html; charset=utf-8' }),
    act: async (client, run) => run.collect(await createChatCompletionStream(client, chatParams)),
    expect: {
      error: { is: ResponseParseError, status: 200, message: /text\/event-stream.*text\/html/ },
      requests: 1,
      elapsedMs: [0, slackMs],
      verify: (outcome) => expect((outcome.error as ResponseParseError).bodyExcerpt).toContain('nginx'),
    },
  }),
  scenario({
    name: 'a 200 with an empty body',
    variant: 'where JSON was expected',
    options: { maxRetries: 2 },
    serve: () => (_request, reply) => reply.send(200, '', { 'content-type': 'application/json' }),
    act: (client) => retrieveModel(client, { model: 'gpt-4o-mini' }),
    expect: { error: { is: ResponseParseError, status: 200, message: /empty body/ }, requests: 1, elapsedMs: [0, slackMs] },
  }),
  scenario({
    name: 'a 200 with an empty body',
    variant: 'an empty event stream is truncated, not a short answer',
    options: { maxRetries: 2 },
    serve: () => (_request, reply) => reply.send(200, '', sseHeaders),
    act: async (client, run) => run.collect(await createChatCompletionStream(client, chatParams)),
    expect: { error: { is: StreamProtocolError, fields: { reason: 'truncated' } }, requests: 1, items: 0, elapsedMs: [0, slackMs] },
  }),
  scenario({
    name: 'gzip',
    variant: 'a JSON body',
    serve: () => (_request, reply) => reply.gzip(200, JSON.stringify(chatCompletion), { 'content-type': 'application/json' }),
    act: (client) => createChatCompletion(client, chatParams),
    expect: {
      value: (completion) => expect(completion.choices[0].message.content).toBe('Hi there'),
      requests: 1,
      elapsedMs: [0, slackMs],
      verify: (_outcome, run) => expect(String(run.server.requests[0]?.headers['accept-encoding'])).toMatch(/gzip/),
    },
  }),
  scenario({
    name: 'gzip',
    variant: 'an event stream',
    serve: () => (_request, reply) => reply.gzip(200, `${chatChunk('Hel')}${chatChunk('lo', 'stop')}data: [DONE]\n\n`, sseHeaders),
    act: async (client, run) => run.collect(await createChatCompletionStream(client, chatParams)),
    expect: { value: (items) => expect(items.map(deltaOf)).toEqual(['Hel', 'lo']), requests: 1, items: 2, elapsedMs: [0, slackMs] },
  }),
  scenario({
    name: 'gzip',
    variant: 'a download is decoded, gzip bytes never reach the caller',
    serve: () => (_request, reply) => reply.gzip(200, '{"prompt":"a","completion":"b"}\n'.repeat(1000), { 'content-type': 'application/jsonl' }),
    act: async (client) => (await downloadFile(client, { file_id: 'file-fault' })).text(),
    expect: { value: (text) => expect(text).toBe('{"prompt":"a","completion":"b"}\n'.repeat(1000)), requests: 1, elapsedMs: [0, slackMs] },
  }),
  scenario<{ sent: number }>({
    name: 'a 100 MB response',
    variant: 'refused at a configured maxResponseBytes of 8 MiB, unread beyond it',
    options: { maxResponseBytes: 8 * MiB, timeout: 10_000 },
    state: () => ({ sent: 0 }),
    serve: (run) => async (_request, reply) => {
      await reply.head(200, { 'content-type': 'application/json', 'content-length': String(hundredMB) });
      await reply.write('{"object":"list","data":[],"padding":"');
      await pour(reply, megabyte, hundredMB, run.state);
    },
    act: (client) => listFiles(client),
    expect: {
      error: { is: ResponseTooLargeError, fields: { option: 'maxResponseBytes', limit: 8 * MiB }, message: String(8 * MiB) },
      requests: 1,
      elapsedMs: [0, slackMs * 2],
      released: true,
      // 8 MiB of text kept at most; reading all 100 MB would take more than 100.
      memoryMiB: { rss: 64, heap: 48 },
      verify: async (_outcome, run) => {
        await Promise.all(run.carriers);
        // Socket buffers hold a few MiB more; nothing near 100 MB was pulled through.
        expect(run.state.sent).toBeLessThan(40 * MiB);
      },
    },
    testTimeoutMs: 30_000,
  }),
  scenario({
    name: 'a 100 MB response',
    variant: 'a 100 MB download streams through in bounded memory',
    options: { timeout: 10_000, streamIdleTimeout: 2000 },
    serve: () => async (_request, reply) => {
      await reply.head(200, { 'content-type': 'application/octet-stream', 'content-length': String(hundredMB) });
      await pour(reply, megabyte, hundredMB, { sent: 0 });
    },
    act: async (client) => {
      let size = 0;
      for await (const chunk of await downloadFile(client, { file_id: 'file-fault' })) size += chunk.byteLength;
      return size;
    },
    expect: {
      value: (size) => expect(size).toBe(hundredMB),
      requests: 1,
      elapsedMs: [0, 10_000],
      memoryMiB: { rss: 64, heap: 48 },
    },
    testTimeoutMs: 30_000,
  }),
  scenario({
    name: 'a gzip bomb',
    variant: '128 MiB inflated from a few hundred KB, stopped at maxResponseBytes counting inflated bytes',
    options: { maxResponseBytes: 4 * MiB, timeout: 10_000 },
    serve: () => (_request, reply) => reply.send(200, bombs.json, { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
    act: (client) => listFiles(client),
    expect: {
      error: { is: ResponseTooLargeError, fields: { option: 'maxResponseBytes', limit: 4 * MiB } },
      requests: 1,
      elapsedMs: [0, slackMs],
      memoryMiB: { rss: 64, heap: 48 },
      verify: (_outcome) => expect(bombs.json.length).toBeLessThan(MiB),
    },
  }),
  scenario({
    name: 'a gzip bomb',
    variant: 'inside one stream event, stopped at maxEventBytes',
    options: { maxEventBytes: MiB, timeout: 10_000, streamIdleTimeout: 5000 },
    serve: () => (_request, reply) => reply.send(200, bombs.event, { ...sseHeaders, 'content-encoding': 'gzip' }),
    act: async (client, run) => run.collect(await createChatCompletionStream(client, chatParams)),
    expect: {
      error: { is: ResponseTooLargeError, fields: { option: 'maxEventBytes', limit: MiB } },
      requests: 1,
      items: 0,
      elapsedMs: [0, slackMs],
      memoryMiB: { rss: 64, heap: 48 },
    },
  }),
];

runFamily('bodies', table);
