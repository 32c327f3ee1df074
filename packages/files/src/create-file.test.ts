import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APIError, createClient, InputRejectedError } from '@openai-micro/core';
import { oneShotStream, receivedParts } from '@openai-micro/tooling/multipart-parts';
import { testClientOptions, useLoopbackClient } from '@openai-micro/tooling/test-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFile } from './create-file.js';
import { listenOnLoopback, peakMemoryGrowth } from './test-helpers.js';

const uploaded = { id: 'file-abc123', object: 'file', bytes: 14, created_at: 1_700_000_000, filename: 'train.jsonl', purpose: 'fine-tune' };

const context = useLoopbackClient((_request, reply) => reply.json(200, uploaded), createClient);
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'openai-micro-files-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('createFile', () => {
  it('uploads a file path as multipart: purpose, then the file under its base name', async () => {
    const path = join(directory, 'train.jsonl');
    await writeFile(path, '{"prompt":"a"}');
    const file = await createFile(context.client(), { file: path, purpose: 'fine-tune' });

    expect(file).toEqual(uploaded);
    const [received] = context.server.requests;
    expect(context.server.requests).toHaveLength(1);
    expect(received!.method).toBe('POST');
    expect(received!.path).toBe('/v1/files');
    expect(received!.headers.authorization).toBe('Bearer sk-test');
    expect(received!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(await receivedParts(received!)).toEqual([
      { name: 'purpose', value: 'fine-tune' },
      { name: 'file', value: { filename: 'train.jsonl', type: 'application/jsonl', bytes: new TextEncoder().encode('{"prompt":"a"}') } },
    ]);
  });

  it('uploads bytes with a name, a File, and passes newer fields through', async () => {
    const client = context.client();
    await createFile(client, { file: { data: new Uint8Array([1, 2, 3]), name: 'data.bin', type: 'application/x-custom' }, purpose: 'assistants' });
    await createFile(client, { file: new File(['hello'], 'notes.txt', { type: 'text/plain' }), purpose: 'user_data' });
    await createFile(client, { file: { data: new Uint8Array([9]), name: 'dir/one.jsonl' }, purpose: 'batch', expires_after: 3600 } as never);

    expect(await receivedParts(context.server.requests[0]!)).toEqual([
      { name: 'purpose', value: 'assistants' },
      { name: 'file', value: { filename: 'data.bin', type: 'application/x-custom', bytes: new Uint8Array([1, 2, 3]) } },
    ]);
    expect(await receivedParts(context.server.requests[1]!)).toEqual([
      { name: 'purpose', value: 'user_data' },
      { name: 'file', value: { filename: 'notes.txt', type: 'text/plain', bytes: new TextEncoder().encode('hello') } },
    ]);
    expect(await receivedParts(context.server.requests[2]!)).toEqual([
      { name: 'purpose', value: 'batch' },
      { name: 'expires_after', value: '3600' },
      { name: 'file', value: { filename: 'one.jsonl', type: 'application/jsonl', bytes: new Uint8Array([9]) } },
    ]);
  });

  it('re-sends the full, identical body when a retry follows a 5xx', async () => {
    const path = join(directory, 'retry.jsonl');
    const content = Buffer.alloc(200_000, 'x');
    await writeFile(path, content);
    context.server.handler = (_request, reply) =>
      context.server.requests.length === 1 ? reply.json(500, { error: { message: 'boom', type: 'server_error' } }, { 'retry-after-ms': '0' }) : reply.json(200, uploaded);

    const file = await createFile(context.client({ maxRetries: 1 }), { file: path, purpose: 'fine-tune' });

    expect(file.id).toBe('file-abc123');
    expect(context.server.requests).toHaveLength(2);
    const [first, second] = context.server.requests;
    expect(first!.complete && second!.complete).toBe(true);
    expect(second!.body.equals(first!.body)).toBe(true);
    const parts = await receivedParts(second!);
    expect(parts[1]).toEqual({ name: 'file', value: { filename: 'retry.jsonl', type: 'application/jsonl', bytes: new Uint8Array(content) } });
  });

  it('does not retry a one-shot ReadableStream upload: the 5xx ends in an APIError after one request', async () => {
    context.server.handler = (_request, reply) => reply.json(500, { error: { message: 'boom', type: 'server_error' } }, { 'retry-after-ms': '0' });
    const data = oneShotStream(new TextEncoder().encode('{"a":1}\n'));

    const failure = await createFile(context.client({ maxRetries: 3 }), { file: { data, name: 'stream.jsonl' }, purpose: 'batch' }).catch((error) => error);

    expect(APIError.isInstance(failure)).toBe(true);
    expect((failure as APIError).status).toBe(500);
    expect((failure as APIError).message).toMatch(/not retried/);
    expect(context.server.requests).toHaveLength(1);
    expect(await receivedParts(context.server.requests[0]!)).toEqual([
      { name: 'purpose', value: 'batch' },
      { name: 'file', value: { filename: 'stream.jsonl', type: 'application/jsonl', bytes: new TextEncoder().encode('{"a":1}\n') } },
    ]);
  });

  it('reports upload progress up to the full body size', async () => {
    const path = join(directory, 'progress.jsonl');
    await writeFile(path, Buffer.alloc(300_000, 'y'));
    const progress: { loaded: number; total: number | undefined }[] = [];

    await createFile(context.client(), { file: path, purpose: 'fine-tune' }, { onUploadProgress: (event) => progress.push(event) });

    const sent = context.server.requests[0]!.body.length;
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every((event) => event.total === sent)).toBe(true);
    expect(progress.at(-1)!.loaded).toBe(sent);
    expect(progress.every((event, index) => index === 0 || event.loaded > progress[index - 1]!.loaded)).toBe(true);
  });

  it('refuses a missing path, a directory and an empty file name before sending anything', async () => {
    const client = context.client();
    const attempts = [
      () => createFile(client, { file: join(directory, 'missing.jsonl'), purpose: 'fine-tune' }),
      () => createFile(client, { file: directory, purpose: 'fine-tune' }),
      () => createFile(client, { file: '', purpose: 'fine-tune' }),
      () => createFile(client, { file: { data: new Uint8Array([1]), name: '' }, purpose: 'fine-tune' }),
      () => createFile(client, { file: new Blob(['no name']), purpose: 'fine-tune' }),
    ];
    for (const attempt of attempts) {
      const failure = await attempt().catch((error) => error);
      expect(InputRejectedError.isInstance(failure)).toBe(true);
      expect((failure as InputRejectedError).message).not.toBe('');
    }
    expect(context.server.requests).toHaveLength(0);
  });

  it('streams a 256 MiB upload from disk with bounded memory', async () => {
    const size = 256 * 1024 * 1024;
    const path = join(directory, 'large.jsonl');
    // A sparse file: created instantly, read back as zeros.
    const handle = await open(path, 'w');
    await handle.truncate(size);
    await handle.close();

    let receivedBytes = 0;
    const counting = await listenOnLoopback((incoming, response) => {
      incoming.on('data', (chunk: Buffer) => {
        receivedBytes += chunk.length;
      });
      incoming.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(uploaded)));
    });
    let growth: number;
    try {
      growth = await peakMemoryGrowth(() => createFile(createClient(testClientOptions(counting)), { file: path, purpose: 'batch' }));
    } finally {
      counting.close();
      await rm(path, { force: true });
    }

    expect(receivedBytes).toBeGreaterThan(size);
    expect(growth).toBeLessThan(64 * 1024 * 1024);
  });
});
