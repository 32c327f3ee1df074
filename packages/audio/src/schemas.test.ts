import { createClient, ResponseParseError } from '@openai-micro/core';
import { jsonReply, startTestServer, type TestServer } from '@openai-micro/testing';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTranscription } from './create-transcription.js';
import { createTranslation } from './create-translation.js';
import {
  createTranscriptionResponseJsonSchema,
  createTranscriptionResponseVerboseJsonSchema,
  createTranslationResponseJsonSchema,
  createTranslationResponseVerboseJsonSchema,
} from './schemas.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => server.reset());
afterAll(() => server.close());

const client = () => createClient({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });
const audio = { file: { data: new Uint8Array([0xff, 0xfb, 0x90, 0x00]), name: 'talk.mp3' }, model: 'whisper-1' };

describe('audio response schemas', () => {
  it('validate json and verbose_json transcriptions, words included', async () => {
    const { text } = await createTranscription(client(), audio, { schema: createTranscriptionResponseJsonSchema() });
    expect(text).toBe('Hello! This is the openai-micro test server.');
    const verbose = await createTranscription(
      client(),
      { ...audio, response_format: 'verbose_json', 'timestamp_granularities[]': ['word', 'segment'] },
      { schema: createTranscriptionResponseVerboseJsonSchema() },
    );
    expect(verbose.segments?.length).toBeGreaterThan(0);
    expect(verbose.words?.[0]?.word).toBeTypeOf('string');
  });

  it('validate json and verbose_json translations', async () => {
    const { text } = await createTranslation(client(), audio, { schema: createTranslationResponseJsonSchema() });
    expect(text).toBe('Hello! This is the openai-micro test server.');
    const verbose = await createTranslation(client(), { ...audio, response_format: 'verbose_json' }, { schema: createTranslationResponseVerboseJsonSchema() });
    expect(verbose.duration).toBeGreaterThan(0);
    expect(createTranslationResponseVerboseJsonSchema()).toBe(createTranslationResponseVerboseJsonSchema());
  });

  it('reject a malformed transcript with ResponseParseError carrying the issues', async () => {
    server.replyOnce('POST /v1/audio/transcriptions', jsonReply({ text: 'hi', duration: '3s', segments: [] }));
    const error = await createTranscription(
      client(),
      { ...audio, response_format: 'verbose_json' },
      { schema: createTranscriptionResponseVerboseJsonSchema() },
    ).catch((caught: unknown) => caught);
    expect(ResponseParseError.isInstance(error)).toBe(true);
    expect((error as ResponseParseError).issues?.map((issue) => v.getDotPath(issue as v.BaseIssue<unknown>))).toEqual(['language', 'duration']);
  });
});
