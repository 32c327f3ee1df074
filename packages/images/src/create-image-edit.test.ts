import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APIError, createClient, InputRejectedError } from '@openai-micro/core';
import { oneShotStream, receivedParts } from '@openai-micro/tooling/multipart-parts';
import { useLoopbackClient } from '@openai-micro/tooling/test-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImageEdit } from './create-image-edit.js';

const reply = { created: 1_700_000_000, data: [{ b64_json: 'iVBORw0KGgo=' }] };
const imageBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]);
const maskBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 2]);

const context = useLoopbackClient((_request, answer) => answer.json(200, reply), createClient);
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'openai-micro-images-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('createImageEdit', () => {
  it('sends the set fields, numbers as decimal strings, then the image and mask files', async () => {
    const imagePath = join(directory, 'room.png');
    await writeFile(imagePath, imageBytes);

    const response = await createImageEdit(context.client(), {
      image: imagePath,
      mask: { data: maskBytes, name: 'mask.png' },
      prompt: 'Add a cat on the sofa',
      model: 'dall-e-2',
      n: 2,
      size: '512x512',
      response_format: 'b64_json',
      user: 'user-1',
    });

    expect(response).toEqual(reply);
    const [received] = context.server.requests;
    expect(received!.method).toBe('POST');
    expect(received!.path).toBe('/v1/images/edits');
    expect(received!.headers.authorization).toBe('Bearer sk-test');
    expect(await receivedParts(received!)).toEqual([
      { name: 'prompt', value: 'Add a cat on the sofa' },
      { name: 'model', value: 'dall-e-2' },
      { name: 'n', value: '2' },
      { name: 'size', value: '512x512' },
      { name: 'response_format', value: 'b64_json' },
      { name: 'user', value: 'user-1' },
      { name: 'image', value: { filename: 'room.png', type: 'image/png', bytes: imageBytes } },
      { name: 'mask', value: { filename: 'mask.png', type: 'image/png', bytes: maskBytes } },
    ]);
  });

  it('sends no n, size or response_format when unset (go-openai sent n=0 and empty strings)', async () => {
    await createImageEdit(context.client(), { image: new File([imageBytes], 'in.png', { type: 'image/png' }), prompt: 'Add a hat' });

    expect(await receivedParts(context.server.requests[0]!)).toEqual([
      { name: 'prompt', value: 'Add a hat' },
      { name: 'image', value: { filename: 'in.png', type: 'image/png', bytes: imageBytes } },
    ]);
  });

  it('uploads a one-shot ReadableStream image, and never retries it: a 5xx ends in an APIError after one request', async () => {
    const oneShot = () => oneShotStream(imageBytes.slice(0, 3), imageBytes.slice(3));
    await createImageEdit(context.client(), { image: { data: oneShot(), name: 'live.png' }, mask: { data: maskBytes, name: 'mask.png' }, prompt: 'Add a hat' });
    expect(await receivedParts(context.server.requests[0]!)).toEqual([
      { name: 'prompt', value: 'Add a hat' },
      { name: 'image', value: { filename: 'live.png', type: 'image/png', bytes: imageBytes } },
      { name: 'mask', value: { filename: 'mask.png', type: 'image/png', bytes: maskBytes } },
    ]);

    context.server.handler = (_request, answer) => answer.json(500, { error: { message: 'boom', type: 'server_error' } }, { 'retry-after-ms': '0' });
    const failure = await createImageEdit(context.client({ maxRetries: 3 }), { image: { data: oneShot(), name: 'live.png' }, prompt: 'Add a hat' }).catch((error) => error);
    expect(APIError.isInstance(failure)).toBe(true);
    expect((failure as APIError).status).toBe(500);
    expect((failure as APIError).message).toMatch(/not retried/);
    expect(context.server.requests).toHaveLength(2);
    expect(context.server.requests[1]!.complete).toBe(true);
  });

  it('refuses a missing image file, a directory and an empty file name before sending anything', async () => {
    const client = context.client();
    const failure = await createImageEdit(client, { image: join(directory, 'missing.png'), prompt: 'Add a hat' }).catch((error) => error);
    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).message).toContain('missing.png');

    for (const image of [directory, { data: imageBytes, name: '' }, new Blob([imageBytes])]) {
      const refused = await createImageEdit(client, { image, prompt: 'Add a hat' }).catch((error) => error);
      expect(InputRejectedError.isInstance(refused)).toBe(true);
    }
    const badMask = await createImageEdit(client, { image: { data: imageBytes, name: 'in.png' }, mask: join(directory, 'no-mask.png'), prompt: 'Add a hat' }).catch((error) => error);
    expect((badMask as InputRejectedError).field).toBe('mask');
    expect(context.server.requests).toHaveLength(0);
  });
});
