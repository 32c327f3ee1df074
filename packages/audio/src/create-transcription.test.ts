import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APIError, createClient, getResponseMetadata, InputRejectedError, isBadRequestError } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import { oneShotStream, receivedParts } from '@openai-micro/tooling/multipart-parts';
import { useLoopbackClient } from '@openai-micro/tooling/test-client';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createTranscription } from './create-transcription.js';
import type { AudioText, CreateTranscriptionResponseJson, CreateTranscriptionResponseVerboseJson } from './types.js';

const audio = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 1, 2, 3]);
const srt = '1\n00:00:00,000 --> 00:00:01,500\nHello there.\n';
const verbose = {
  task: 'transcribe',
  language: 'english',
  duration: 1.5,
  text: 'Hello there.',
  segments: [
    { id: 0, seek: 0, start: 0, end: 1.5, text: ' Hello there.', tokens: [50364, 2425, 456, 13], temperature: 0, avg_logprob: -0.25, compression_ratio: 0.8, no_speech_prob: 0.01 },
  ],
  words: [
    { word: 'Hello', start: 0, end: 0.6 },
    { word: 'there', start: 0.6, end: 1.5 },
  ],
};

const context = useLoopbackClient(async (request, reply) => {
  const format = (await receivedParts(request)).find((part) => part.name === 'response_format')?.value ?? 'json';
  if (format === 'bad') return reply.json(400, { error: { message: "Invalid response_format 'bad'", type: 'invalid_request_error', param: 'response_format' } });
  if (format === 'verbose_json') return reply.json(200, verbose);
  if (format === 'json') return reply.json(200, { text: 'Hello there.' }, { 'x-request-id': 'req_audio' });
  return reply.send(200, format === 'text' ? 'Hello there.\n' : srt, { 'content-type': 'text/plain; charset=utf-8' });
}, createClient);

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'openai-micro-audio-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('createTranscription', () => {
  it('sends every set field, temperature 0 included and granularities repeated, then the audio file', async () => {
    const path = join(directory, 'talk.mp3');
    await writeFile(path, audio);

    const result = await createTranscription(context.client(), {
      file: path,
      model: 'whisper-1',
      prompt: 'A greeting.',
      language: 'en',
      temperature: 0,
      response_format: 'verbose_json',
      'timestamp_granularities[]': ['word', 'segment'],
    });

    expect(result).toEqual(verbose);
    expectTypeOf(result).toEqualTypeOf<CreateTranscriptionResponseVerboseJson>();
    const [received] = context.server.requests;
    expect([received!.method, received!.path, received!.headers.authorization]).toEqual(['POST', '/v1/audio/transcriptions', 'Bearer sk-test']);
    expect(received!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(await receivedParts(received!)).toEqual([
      { name: 'model', value: 'whisper-1' },
      { name: 'prompt', value: 'A greeting.' },
      { name: 'language', value: 'en' },
      { name: 'temperature', value: '0' },
      { name: 'response_format', value: 'verbose_json' },
      { name: 'timestamp_granularities[]', value: 'word' },
      { name: 'timestamp_granularities[]', value: 'segment' },
      { name: 'file', value: { filename: 'talk.mp3', type: 'audio/mpeg', bytes: audio } },
    ]);
  });

  it('reads the default json format as { text } with the response metadata', async () => {
    const result = await createTranscription(context.client(), { file: { data: audio, name: 'talk.wav' }, model: 'whisper-1', temperature: 0.25 });

    expect(result).toEqual({ text: 'Hello there.' });
    expectTypeOf(result).toEqualTypeOf<CreateTranscriptionResponseJson>();
    expect(getResponseMetadata(result).requestId).toBe('req_audio');
    expect(await receivedParts(context.server.requests[0]!)).toEqual([
      { name: 'model', value: 'whisper-1' },
      { name: 'temperature', value: '0.25' },
      { name: 'file', value: { filename: 'talk.wav', type: 'audio/wav', bytes: audio } },
    ]);
  });

  it.each([
    ['text', 'Hello there.\n'],
    ['srt', srt],
    ['vtt', srt],
  ] as const)('reads the %s format as { text } holding the whole body', async (format, body) => {
    const result = await createTranscription(context.client(), { file: { data: audio, name: 'talk.mp3' }, model: 'whisper-1', response_format: format });

    expect(result).toEqual({ text: body });
    expectTypeOf(result).toEqualTypeOf<AudioText>();
    expect(context.server.requests[0]!.headers.accept).toContain('text/plain');
  });

  it('uploads a one-shot ReadableStream as the file part, and never retries it: a 5xx ends in an APIError after one request', async () => {
    const oneShot = () => oneShotStream(audio.slice(0, 4), audio.slice(4));
    const result = await createTranscription(context.client(), { file: { data: oneShot(), name: 'live.mp3' }, model: 'whisper-1' });
    expect(result).toEqual({ text: 'Hello there.' });
    expect(await receivedParts(context.server.requests[0]!)).toEqual([
      { name: 'model', value: 'whisper-1' },
      { name: 'file', value: { filename: 'live.mp3', type: 'audio/mpeg', bytes: audio } },
    ]);

    context.server.handler = (_request, reply) => reply.json(500, { error: { message: 'boom', type: 'server_error' } }, { 'retry-after-ms': '0' });
    const failure = await createTranscription(context.client({ maxRetries: 3 }), { file: { data: oneShot(), name: 'live.mp3' }, model: 'whisper-1' }).catch(
      (error) => error,
    );
    expect(APIError.isInstance(failure)).toBe(true);
    expect((failure as APIError).status).toBe(500);
    expect((failure as APIError).message).toMatch(/not retried/);
    expect(context.server.requests).toHaveLength(2);
    expect(context.server.requests[1]!.complete).toBe(true);
  });

  it('types an API rejection', async () => {
    const failure = await createTranscription(context.client(), { file: { data: audio, name: 'talk.mp3' }, model: 'whisper-1', response_format: 'bad' }).catch(
      (error) => error,
    );

    expect(isBadRequestError(failure)).toBe(true);
    expect(failure.param).toBe('response_format');
  });

  it('refuses a missing file, a directory and a nameless upload before sending anything', async () => {
    const client = context.client();
    for (const file of [join(directory, 'missing.mp3'), directory, { data: audio, name: '' }]) {
      const failure = await createTranscription(client, { file, model: 'whisper-1' }).catch((error) => error);
      expect(InputRejectedError.isInstance(failure)).toBe(true);
    }
    expect(context.server.requests).toHaveLength(0);
  });

  it('routes to the Azure deployment picked by the model, with the api-key header', async () => {
    const client = createAzureClient({ baseURL: context.server.url, apiKey: 'azure-key', apiVersion: '2024-06-01', deployment: (model) => `my-${model}` });
    const result = await createTranscription(client, { file: { data: audio, name: 'talk.mp3' }, model: 'whisper-1', response_format: 'text' });

    expect(result.text).toBe('Hello there.\n');
    const [received] = context.server.requests;
    expect(received!.url).toBe('/openai/deployments/my-whisper-1/audio/transcriptions?api-version=2024-06-01');
    expect(received!.headers['api-key']).toBe('azure-key');
    expect(received!.headers.authorization).toBeUndefined();
  });
});
