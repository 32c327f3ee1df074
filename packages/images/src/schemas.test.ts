import { createClient, ResponseParseError } from '@openai-micro/core';
import { jsonReply, startTestServer, type TestServer } from '@openai-micro/testing';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createImage } from './create-image.js';
import { createImageEdit } from './create-image-edit.js';
import { createImageVariation } from './create-image-variation.js';
import { createImagesResponseSchema } from './schemas.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => server.reset());
afterAll(() => server.close());

const client = () => createClient({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });
const png = () => ({ data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), name: 'in.png' });

describe('images response schema', () => {
  it('validates generations as URLs or base64, with revised prompts', async () => {
    const urls = await createImage(client(), { model: 'dall-e-3', prompt: 'A red fox' }, { schema: createImagesResponseSchema() });
    expect(urls.data[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(urls.data[0]?.revised_prompt).toBeTypeOf('string');
    const inline = await createImage(client(), { prompt: 'A red fox', n: 2, response_format: 'b64_json' }, { schema: createImagesResponseSchema() });
    expect(inline.data.map((image) => typeof image.b64_json)).toEqual(['string', 'string']);
  });

  it('validates edits and variations', async () => {
    const edit = await createImageEdit(client(), { image: png(), prompt: 'Add a hat' }, { schema: createImagesResponseSchema() });
    const variation = await createImageVariation(client(), { image: png() }, { schema: createImagesResponseSchema() });
    expect([edit.data.length, variation.data.length]).toEqual([1, 1]);
    expect(createImagesResponseSchema()).toBe(createImagesResponseSchema());
  });

  it('rejects a malformed answer with ResponseParseError carrying the issues', async () => {
    server.replyOnce('POST /v1/images/generations', jsonReply({ created: 1, data: [{ url: 42 }] }));
    const error = await createImage(client(), { prompt: 'x' }, { schema: createImagesResponseSchema() }).catch((caught: unknown) => caught);
    expect(ResponseParseError.isInstance(error)).toBe(true);
    expect((error as ResponseParseError).issues?.map((issue) => v.getDotPath(issue as v.BaseIssue<unknown>))).toEqual(['data.0.url']);
  });
});
