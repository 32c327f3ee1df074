import { createClient, InputRejectedError } from '@openai-micro/core';
import { useLoopbackClient } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { createImage } from './create-image.js';
import { decodeImage, imageBytes } from './decode-image.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 128, 255]);
const base64 = Buffer.from(png).toString('base64');

const context = useLoopbackClient(
  (request, answer) =>
    answer.json(200, { created: 1, data: [JSON.parse(request.body.toString()).response_format === 'b64_json' ? { b64_json: base64 } : { url: 'https://images.example/1.png' }] }),
  createClient,
);

describe('decodeImage and imageBytes', () => {
  it('decode a b64_json image from a response into its bytes', async () => {
    const { data } = await createImage(context.client(), { prompt: 'A cat', response_format: 'b64_json' });

    expect(imageBytes(data[0]!)).toEqual(png);
    expect(decodeImage(data[0]!.b64_json!)).toEqual(png);
    expect(decodeImage(`${base64.slice(0, 4)}\n${base64.slice(4)}`)).toEqual(png);
  });

  it('refuse a URL image and malformed base64 with a typed error', async () => {
    const { data } = await createImage(context.client(), { prompt: 'A cat' });

    expect(() => imageBytes(data[0]!)).toThrow(/response_format: "b64_json"/);
    let failure: unknown;
    try {
      decodeImage('not base64!');
    } catch (error) {
      failure = error;
    }
    expect(InputRejectedError.isInstance(failure)).toBe(true);
  });
});
