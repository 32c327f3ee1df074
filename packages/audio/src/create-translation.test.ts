import { createClient } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import { receivedParts } from '@openai-micro/tooling/multipart-parts';
import { useLoopbackClient } from '@openai-micro/tooling/test-client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createTranslation } from './create-translation.js';
import type { AudioText, CreateTranslationResponseJson, CreateTranslationResponseVerboseJson } from './types.js';

const audio = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2, 4]);
const verbose = {
  task: 'translate',
  language: 'english',
  duration: 2.25,
  text: 'Good morning.',
  segments: [{ id: 0, seek: 0, start: 0, end: 2.25, text: ' Good morning.', tokens: [2205, 2446, 13], temperature: 0.2, avg_logprob: -0.4, compression_ratio: 0.7, no_speech_prob: 0.02 }],
};
const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:02.250\nGood morning.\n';

const context = useLoopbackClient(async (request, reply) => {
  const format = (await receivedParts(request)).find((part) => part.name === 'response_format')?.value;
  if (format === 'verbose_json') return reply.json(200, verbose);
  if (format === 'vtt' || format === 'text' || format === 'srt') return reply.send(200, vtt, { 'content-type': 'text/plain' });
  return reply.json(200, { text: 'Good morning.' });
}, createClient);

describe('createTranslation', () => {
  it('sends the set fields, then the audio file, to /audio/translations', async () => {
    const result = await createTranslation(context.client(), {
      file: new File([audio], 'bonjour.ogg', { type: 'audio/ogg' }),
      model: 'whisper-1',
      prompt: 'A greeting.',
      temperature: 0,
      language: 'fr',
    });

    expect(result).toEqual({ text: 'Good morning.' });
    expectTypeOf(result).toEqualTypeOf<CreateTranslationResponseJson>();
    const [received] = context.server.requests;
    expect([received!.method, received!.path, received!.headers.authorization]).toEqual(['POST', '/v1/audio/translations', 'Bearer sk-test']);
    expect(await receivedParts(received!)).toEqual([
      { name: 'model', value: 'whisper-1' },
      { name: 'prompt', value: 'A greeting.' },
      { name: 'temperature', value: '0' },
      { name: 'language', value: 'fr' },
      { name: 'file', value: { filename: 'bonjour.ogg', type: 'audio/ogg', bytes: audio } },
    ]);
  });

  it('reads verbose_json with typed segments', async () => {
    const result = await createTranslation(context.client(), { file: { data: audio, name: 'bonjour.ogg' }, model: 'whisper-1', response_format: 'verbose_json' });

    expect(result).toEqual(verbose);
    expectTypeOf(result).toEqualTypeOf<CreateTranslationResponseVerboseJson>();
    expect(result.segments?.[0]?.avg_logprob).toBe(-0.4);
  });

  it.each(['text', 'srt', 'vtt'] as const)('reads the %s format as { text }', async (format) => {
    const result = await createTranslation(context.client(), { file: { data: audio, name: 'bonjour.ogg' }, model: 'whisper-1', response_format: format });

    expect(result).toEqual({ text: vtt });
    expectTypeOf(result).toEqualTypeOf<AudioText>();
    expect((await receivedParts(context.server.requests[0]!)).find((part) => part.name === 'response_format')?.value).toBe(format);
  });

  it('routes to the Azure deployment picked by the model', async () => {
    const client = createAzureClient({ baseURL: context.server.url, azureADToken: () => 'entra-token' });
    await createTranslation(client, { file: { data: audio, name: 'bonjour.ogg' }, model: 'whisper-1' });

    expect(context.server.requests[0]!.url).toBe('/openai/deployments/whisper-1/audio/translations?api-version=2024-02-01');
    expect(context.server.requests[0]!.headers.authorization).toBe('Bearer entra-token');
  });
});
