import { createClient, getResponseMetadata, isRateLimitError } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import { useLoopbackClient } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { createSpeech } from './create-speech.js';
import { SpeechResponseFormat, SpeechVoice } from './types.js';

const mp3 = Buffer.from([0xff, 0xfb, 0x90, 0x64, 1, 2, 3, 4, 5, 6, 7, 8]);

const context = useLoopbackClient(async (request, reply) => {
  if (JSON.parse(request.body.toString()).input === 'too fast') {
    return reply.json(429, { error: { message: 'Rate limit reached', type: 'requests' } }, { 'x-should-retry': 'false' });
  }
  return reply.chunks(200, { 'content-type': 'audio/mpeg', 'x-request-id': 'req_tts' }, reply.split(mp3, [4, 8]), { delayMs: 5 });
}, createClient);

describe('createSpeech', () => {
  it('posts the set fields as JSON and streams the audio back', async () => {
    const audio = await createSpeech(context.client(), {
      model: 'tts-1-hd',
      input: 'Hello!',
      voice: SpeechVoice.Nova,
      response_format: SpeechResponseFormat.MP3,
      speed: 1.25,
    });

    expect(audio.contentType).toBe('audio/mpeg');
    expect(getResponseMetadata(audio).requestId).toBe('req_tts');
    const chunks: Uint8Array[] = [];
    for await (const chunk of audio) chunks.push(chunk);
    expect(Buffer.concat(chunks)).toEqual(mp3);
    expect(chunks.length).toBeGreaterThan(1);

    const [received] = context.server.requests;
    expect([received!.method, received!.path, received!.headers.authorization]).toEqual(['POST', '/v1/audio/speech', 'Bearer sk-test']);
    expect(received!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received!.body.toString())).toEqual({ model: 'tts-1-hd', input: 'Hello!', voice: 'nova', response_format: 'mp3', speed: 1.25 });
  });

  it('sends only the required fields when nothing else is set, and reads the body whole with bytes()', async () => {
    const audio = await createSpeech(context.client(), { model: 'tts-1', input: 'Hi', voice: 'alloy' });

    expect(await audio.bytes()).toEqual(new Uint8Array(mp3));
    expect(JSON.parse(context.server.requests[0]!.body.toString())).toEqual({ model: 'tts-1', input: 'Hi', voice: 'alloy' });
  });

  it('types an API rejection', async () => {
    const failure = await createSpeech(context.client(), { model: 'tts-1', input: 'too fast', voice: 'alloy' }).catch((error) => error);
    expect(isRateLimitError(failure)).toBe(true);
  });

  it('routes to the Azure deployment picked by the model', async () => {
    const client = createAzureClient({ baseURL: context.server.url, apiKey: 'azure-key', deployment: () => 'speech-deployment' });
    const audio = await createSpeech(client, { model: 'tts-1', input: 'Hi', voice: 'echo' });

    expect(await audio.bytes()).toEqual(new Uint8Array(mp3));
    expect(context.server.requests[0]!.url).toBe('/openai/deployments/speech-deployment/audio/speech?api-version=2024-02-01');
    expect(context.server.requests[0]!.headers['api-key']).toBe('azure-key');
  });
});
