import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChatCompletion } from '@openai-micro/chat';
import { APIError, isRateLimitError, isServerError } from '@openai-micro/core';
import { createEmbedding } from '@openai-micro/embeddings';
import { createFile, listFiles } from '@openai-micro/files';
import { retrieveModel } from '@openai-micro/models';
import type { LoopbackHandler } from '@openai-micro/tooling/loopback';
import { expect } from 'vitest';
import {
  chatCompletion,
  chatParams,
  embeddingResponse,
  fileObject,
  inTurn,
  openAIError,
  runFamily,
  type Scenario,
  scenarioOf,
  slackMs,
} from './support.js';

const scenario = scenarioOf('retries');

const rateLimited = openAIError('Rate limit reached for gpt-4o-mini in organization org-x on requests per min (RPM): Limit 3, Used 3.', 'requests', 'rate_limit_exceeded');
const rateLimitMessage = /Rate limit reached for gpt-4o-mini/;

/** 429 with the given headers once, then the success. */
const limitedOnce = (headers: Record<string, string>, success: LoopbackHandler): LoopbackHandler =>
  inTurn((_request, reply) => reply.json(429, rateLimited, headers), success);

/** The same 429 on every request: the server wants the client gone for a long time. */
const alwaysLimited = (headers: Record<string, string>): LoopbackHandler => (_request, reply) => reply.json(429, rateLimited, headers);

const okChat: LoopbackHandler = (_request, reply) => reply.json(200, chatCompletion);

/** The bytes of a small training file, different at every offset so a shifted or partial re-send shows. */
const upload = Uint8Array.from({ length: 300 * 1024 }, (_, index) => (index * 7 + (index >> 8)) & 0xff);

/** Both attempts of an upload carried the whole body, byte for byte, with one idempotency key. */
function expectSameUploadTwice(requests: { body: Buffer; complete: boolean; headers: Record<string, unknown> }[]): void {
  const [first, second] = requests;
  expect(first?.complete && second?.complete).toBe(true);
  expect(first!.body.length).toBeGreaterThan(upload.length);
  expect(first!.body.includes(Buffer.from(upload))).toBe(true);
  expect(second!.body.equals(first!.body)).toBe(true);
  expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
  expect(second!.headers['content-type']).toBe(first!.headers['content-type']);
}

const table: Scenario<'retries', any>[] = [
  scenario({
    name: '429 with Retry-After in seconds',
    options: { maxRetries: 2 },
    serve: () => limitedOnce({ 'retry-after': '1' }, okChat),
    act: (client) => createChatCompletion(client, chatParams),
    expect: {
      value: (completion) => expect(completion.id).toBe('chatcmpl-fault'),
      requests: 2,
      // Waited the second the server asked for, not the ~0.5 s backoff.
      elapsedMs: [980, 1000 + slackMs],
      verify: (_outcome, run) => {
        expect(run.retries.map((retry) => [retry.attempt, retry.delayMs])).toEqual([[2, 1000]]);
        expect(isRateLimitError(run.retries[0]?.error)).toBe(true);
        expect(run.retries[0]?.error.message).toMatch(rateLimitMessage);
        expect(run.server.requests[1]?.headers['idempotency-key']).toBe(run.server.requests[0]?.headers['idempotency-key']);
      },
    },
  }),
  scenario<{ asked?: number }>({
    name: '429 with Retry-After as an HTTP-date',
    options: { maxRetries: 1 },
    state: () => ({}),
    serve: (run) =>
      inTurn((_request, reply) => {
        // HTTP dates have whole seconds: this asks for a wait between 1.1 and 2.1 s.
        const date = new Date(Date.now() + 2100).toUTCString();
        run.state.asked = Date.parse(date) - Date.now();
        return reply.json(429, rateLimited, { 'retry-after': date });
      }, (_request, reply) => reply.json(200, embeddingResponse)),
    act: (client) => createEmbedding(client, { model: 'text-embedding-3-small', input: 'hello' }),
    expect: {
      value: (response) => expect(response.data[0].embedding).toEqual([0.25, -0.5]),
      requests: 2,
      elapsedMs: [550, 2100 + slackMs],
      verify: (outcome, run) => {
        const asked = run.state.asked!;
        expect(asked).toBeGreaterThan(1000);
        expect(run.retries).toHaveLength(1);
        // The delay is the date less the time it took the 429 to arrive.
        expect(run.retries[0]!.delayMs).toBeGreaterThan(asked - 500);
        expect(run.retries[0]!.delayMs).toBeLessThanOrEqual(asked + 5);
        expect(outcome.elapsed).toBeGreaterThanOrEqual(run.retries[0]!.delayMs - 5);
      },
    },
  }),
  scenario({
    name: '429 with retry-after-ms',
    options: { maxRetries: 1 },
    // retry-after-ms wins over a Retry-After that would blow the time budget.
    serve: () => limitedOnce({ 'retry-after-ms': '250', 'retry-after': '30' }, (_request, reply) => reply.json(200, { object: 'list', data: [fileObject], has_more: false })),
    act: (client) => listFiles(client, { purpose: 'fine-tune' }),
    expect: {
      value: (page) => expect(page.data.map((file: { id: string }) => file.id)).toEqual(['file-fault']),
      requests: 2,
      elapsedMs: [245, 250 + slackMs],
      verify: (_outcome, run) => expect(run.retries.map((retry) => retry.delayMs)).toEqual([250]),
    },
  }),
  ...(
    [
      ['Retry-After: 86400 (a day)', { 'retry-after': '86400' }],
      ['retry-after-ms: 1e12', { 'retry-after-ms': '1e12', 'retry-after': '1' }],
      ['an HTTP-date in the year 9999', { 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' }],
    ] as const
  ).map(([variant, headers]) =>
    scenario({
      name: '429 with an absurd Retry-After',
      variant: `${variant} is thrown at once, not slept on`,
      options: { maxRetries: 5 },
      serve: () => alwaysLimited(headers),
      act: (client) => retrieveModel(client, { model: 'gpt-4o-mini' }),
      expect: {
        error: { is: APIError, status: 429, message: rateLimitMessage, fields: { code: 'rate_limit_exceeded', type: 'requests' } },
        requests: 1,
        elapsedMs: [0, slackMs],
        verify: (outcome, run) => {
          expect(run.retries).toEqual([]);
          expect((outcome.error as APIError).headers.get('retry-after') ?? (outcome.error as APIError).headers.get('retry-after-ms')).toBeTruthy();
        },
      },
    }),
  ),
  scenario({
    name: '429 with an absurd Retry-After',
    variant: 'an unreadable Retry-After falls back to the backoff',
    options: { maxRetries: 1 },
    serve: () => limitedOnce({ 'retry-after': 'soon, maybe' }, okChat),
    act: (client) => createChatCompletion(client, chatParams),
    expect: {
      value: (completion) => expect(completion.choices[0].message.content).toBe('Hi there'),
      requests: 2,
      elapsedMs: [370, 500 + slackMs],
      verify: (_outcome, run) => {
        expect(run.retries[0]!.delayMs).toBeGreaterThanOrEqual(375);
        expect(run.retries[0]!.delayMs).toBeLessThanOrEqual(500);
      },
    },
  }),
  scenario({
    name: '5xx then success',
    variant: '503, 500 and a proxy’s HTML 502, then 200',
    options: { maxRetries: 3 },
    serve: () =>
      inTurn(
        (_request, reply) => reply.json(503, openAIError('The engine is currently overloaded, please try again later.')),
        (_request, reply) => reply.json(500, openAIError('The server had an error while processing your request.'), { 'retry-after-ms': '10' }),
        (_request, reply) => reply.send(502, '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>', { 'content-type': 'text/html', 'retry-after-ms': '10' }),
        okChat,
      ),
    act: (client) => createChatCompletion(client, chatParams),
    expect: {
      value: (completion) => expect(completion.id).toBe('chatcmpl-fault'),
      requests: 4,
      // One backoff (375–500 ms) for the 503 that named no delay, then 10 ms twice.
      elapsedMs: [390, 520 + slackMs],
      verify: (_outcome, run) => {
        expect(run.retries.map((retry) => (retry.error as APIError).status)).toEqual([503, 500, 502]);
        expect(run.retries.every((retry) => isServerError(retry.error))).toBe(true);
        expect(run.retries[0]!.error.message).toContain('The engine is currently overloaded');
        expect(run.retries[2]!.error.message).toContain('502 Bad Gateway');
        expect(new Set(run.server.requests.map((request) => request.headers['idempotency-key'])).size).toBe(1);
      },
    },
  }),
  scenario({
    name: '5xx then success',
    variant: 'a 5xx that never recovers ends after maxRetries with the server’s message',
    options: { maxRetries: 2 },
    serve: () => (_request, reply) => reply.json(500, openAIError('The server had an error while processing your request.', 'server_error', 'internal_error'), { 'retry-after-ms': '5' }),
    act: (client) => createChatCompletion(client, chatParams),
    expect: {
      error: { is: APIError, status: 500, message: 'The server had an error while processing your request.', fields: { code: 'internal_error' } },
      requests: 3,
      elapsedMs: [10, slackMs],
    },
  }),
  scenario({
    name: '5xx then success',
    variant: 'x-should-retry: false is obeyed',
    options: { maxRetries: 2 },
    serve: () => (_request, reply) => reply.json(503, openAIError('Do not retry this one.'), { 'x-should-retry': 'false' }),
    act: (client) => createChatCompletion(client, chatParams),
    expect: { error: { is: APIError, status: 503, message: 'Do not retry this one.' }, requests: 1, elapsedMs: [0, slackMs] },
  }),
  scenario({
    name: 'a retried upload re-sending its body',
    variant: 'bytes',
    options: { maxRetries: 1 },
    serve: () => inTurn((_request, reply) => reply.json(500, openAIError('upload failed'), { 'retry-after-ms': '0' }), (_request, reply) => reply.json(200, fileObject)),
    act: (client) => createFile(client, { file: { data: upload, name: 'train.jsonl' }, purpose: 'fine-tune' }),
    expect: {
      value: (file) => expect(file.id).toBe('file-fault'),
      requests: 2,
      elapsedMs: [0, slackMs],
      verify: (_outcome, run) => expectSameUploadTwice(run.server.requests),
    },
  }),
  scenario<{ directory?: string }>({
    name: 'a retried upload re-sending its body',
    variant: 'a file path, re-read from disk',
    options: { maxRetries: 1 },
    state: () => ({}),
    serve: () => inTurn((_request, reply) => reply.reset(), (_request, reply) => reply.json(200, fileObject)),
    act: async (client, run) => {
      run.state.directory = await mkdtemp(join(tmpdir(), 'faults-'));
      const path = join(run.state.directory, 'train.jsonl');
      await writeFile(path, upload);
      try {
        return await createFile(client, { file: path, purpose: 'fine-tune' });
      } finally {
        await rm(run.state.directory, { recursive: true, force: true });
      }
    },
    expect: {
      value: (file) => expect(file.id).toBe('file-fault'),
      requests: 2,
      elapsedMs: [0, 500 + slackMs],
      verify: (_outcome, run) => expectSameUploadTwice(run.server.requests),
    },
  }),
  scenario({
    name: 'a retried upload re-sending its body',
    variant: 'a one-shot ReadableStream is not re-sent, and the error says why',
    options: { maxRetries: 3 },
    serve: () => (_request, reply) => reply.json(503, openAIError('Service unavailable.'), { 'retry-after-ms': '0' }),
    act: (client) =>
      createFile(client, {
        file: { data: new Blob([upload]).stream() as ReadableStream<Uint8Array>, name: 'train.jsonl' },
        purpose: 'fine-tune',
      }),
    expect: {
      error: { is: APIError, status: 503, message: /Service unavailable\..*one-shot stream/ },
      requests: 1,
      elapsedMs: [0, slackMs],
      verify: (_outcome, run) => {
        expect(run.server.requests[0]?.complete).toBe(true);
        expect(run.server.requests[0]?.body.includes(Buffer.from(upload))).toBe(true);
      },
    },
  }),
];

runFamily('retries', table);
