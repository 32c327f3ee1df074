import { createClient } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import { useLoopbackClient } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { createImage } from './create-image.js';
import { ImageModel, ImageQuality, ImageResponseFormat, ImageSize, ImageStyle } from './types.js';

const reply = { created: 1_700_000_000, data: [{ url: 'https://images.example/1.png', revised_prompt: 'A lighthouse at dusk, oil painting' }] };

const context = useLoopbackClient((_request, answer) => answer.json(200, reply), createClient);

const sentJSON = () => JSON.parse(context.server.requests[0]!.body.toString());

describe('createImage', () => {
  it('posts every field the caller set as JSON to /images/generations', async () => {
    const response = await createImage(context.client(), {
      prompt: 'A lighthouse at dusk',
      model: ImageModel.DallE3,
      n: 1,
      quality: ImageQuality.HD,
      size: ImageSize.Size1792x1024,
      style: ImageStyle.Natural,
      response_format: ImageResponseFormat.URL,
      user: 'user-1',
    });

    expect(response).toEqual(reply);
    const [received] = context.server.requests;
    expect(received!.method).toBe('POST');
    expect(received!.path).toBe('/v1/images/generations');
    expect(received!.headers.authorization).toBe('Bearer sk-test');
    expect(received!.headers['content-type']).toBe('application/json');
    expect(sentJSON()).toEqual({
      prompt: 'A lighthouse at dusk',
      model: 'dall-e-3',
      n: 1,
      quality: 'hd',
      size: '1792x1024',
      style: 'natural',
      response_format: 'url',
      user: 'user-1',
    });
  });

  it('sends only the prompt when nothing else is set, and zero values and newer fields as given', async () => {
    await createImage(context.client(), { prompt: 'A cat' });
    await createImage(context.client(), { prompt: 'A cat', n: 0, user: '', background: 'transparent' } as never);

    expect(JSON.parse(context.server.requests[0]!.body.toString())).toEqual({ prompt: 'A cat' });
    expect(JSON.parse(context.server.requests[1]!.body.toString())).toEqual({ prompt: 'A cat', n: 0, user: '', background: 'transparent' });
  });

  it('routes to the Azure deployment picked by the model', async () => {
    const client = createAzureClient({ baseURL: context.server.url, apiKey: 'azure-key', deployment: (model) => `${model}-deployment` });
    await createImage(client, { prompt: 'A cat', model: 'dall-e-3' });

    expect(context.server.requests[0]!.url).toBe('/openai/deployments/dall-e-3-deployment/images/generations?api-version=2024-02-01');
    expect(context.server.requests[0]!.headers['api-key']).toBe('azure-key');
    expect(context.server.requests[0]!.headers.authorization).toBeUndefined();
  });
});
