import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@openai-micro/core';
import { useLoopbackClient } from '@openai-micro/tooling/test-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFile } from './download-file.js';
import { saveToFile } from './node.js';

const context = useLoopbackClient((_request, reply) => reply.chunks(200, { 'content-type': 'application/jsonl' }, ['{"a":1}\n', '{"b":2}\n'], { delayMs: 5 }), createClient);
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'openai-micro-files-node-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('saveToFile', () => {
  it('writes a downloaded file to disk and resolves the bytes written', async () => {
    const path = join(directory, 'results.jsonl');
    const written = await saveToFile(await downloadFile(context.client(), { file_id: 'file-abc' }), path);

    expect(written).toBe(16);
    expect(await readFile(path, 'utf8')).toBe('{"a":1}\n{"b":2}\n');
    expect(context.server.requests.at(-1)!.path).toBe('/v1/files/file-abc/content');
  });

  it('removes the partly written file when the stream fails', async () => {
    const path = join(directory, 'broken.jsonl');
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array([1, 2, 3]));
        controller.error(new Error('connection lost'));
      },
    });

    await expect(saveToFile(failing, path)).rejects.toThrow('connection lost');
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
