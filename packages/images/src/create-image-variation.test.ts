import { createClient } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import { receivedParts } from '@openai-micro/tooling/multipart-parts';
import { useLoopbackClient } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { createImageVariation } from './create-image-variation.js';

const reply = { created: 1_700_000_000, data: [{ url: 'https://images.example/a.png' }, { url: 'https://images.example/b.png' }] };
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255]);

const context = useLoopbackClient((_request, answer) => answer.json(200, reply), createClient);

describe('createImageVariation', () => {
  it('sends the set fields, then the image, to /images/variations', async () => {
    const response = await createImageVariation(context.client(), {
      image: { data: png, name: 'cat.png' },
      model: 'dall-e-2',
      n: 2,
      size: '256x256',
      response_format: 'url',
      user: 'user-1',
    });

    expect(response.data).toHaveLength(2);
    const [received] = context.server.requests;
    expect([received!.method, received!.path, received!.headers.authorization]).toEqual(['POST', '/v1/images/variations', 'Bearer sk-test']);
    expect(await receivedParts(received!)).toEqual([
      { name: 'model', value: 'dall-e-2' },
      { name: 'n', value: '2' },
      { name: 'size', value: '256x256' },
      { name: 'response_format', value: 'url' },
      { name: 'user', value: 'user-1' },
      { name: 'image', value: { filename: 'cat.png', type: 'image/png', bytes: png } },
    ]);
  });

  it('sends only the image when nothing else is set, and a zero n as "0" when set', async () => {
    await createImageVariation(context.client(), { image: { data: png, name: 'cat.png' } });
    await createImageVariation(context.client(), { image: { data: png, name: 'cat.png' }, n: 0 });

    expect((await receivedParts(context.server.requests[0]!)).map((part) => part.name)).toEqual(['image']);
    expect((await receivedParts(context.server.requests[1]!))[0]).toEqual({ name: 'n', value: '0' });
  });

  it('routes to the Azure deployment picked by the model', async () => {
    const client = createAzureClient({ baseURL: context.server.url, apiKey: 'azure-key', deployment: () => 'my-dalle' });
    await createImageVariation(client, { image: { data: png, name: 'cat.png' }, model: 'dall-e-2' });

    expect(context.server.requests[0]!.url).toBe('/openai/deployments/my-dalle/images/variations?api-version=2024-02-01');
    expect(context.server.requests[0]!.headers['api-key']).toBe('azure-key');
  });
});
