import {
  type AudioResponseFormat,
  type AudioText,
  type CreateTranscriptionResponseJson,
  type CreateTranscriptionResponseVerboseJson,
  type CreateTranslationResponseJson,
  type CreateTranslationResponseVerboseJson,
  createSpeech,
  createTranscription,
  createTranslation,
  SpeechVoice,
} from '@openai-micro/audio';
import { saveToFile } from '@openai-micro/audio/node';
import { type BinaryStream, createClient } from '@openai-micro/core';
import { describe, expectTypeOf, test } from 'vitest';

const client = createClient({ apiKey: 'sk-test' });
const file = new Blob([new Uint8Array(4)]);

describe('transcriptions and translations', () => {
  test('json (the default) resolves to { text }', async () => {
    expectTypeOf(await createTranscription(client, { file, model: 'whisper-1' })).toEqualTypeOf<CreateTranscriptionResponseJson>();
    expectTypeOf(await createTranscription(client, { file, model: 'whisper-1', response_format: 'json' })).toEqualTypeOf<CreateTranscriptionResponseJson>();
    expectTypeOf(await createTranslation(client, { file, model: 'whisper-1' })).toEqualTypeOf<CreateTranslationResponseJson>();
  });

  test('text, srt and vtt resolve to { text }', async () => {
    expectTypeOf(await createTranscription(client, { file, model: 'whisper-1', response_format: 'text' })).toEqualTypeOf<AudioText>();
    expectTypeOf(await createTranscription(client, { file, model: 'whisper-1', response_format: 'srt' })).toEqualTypeOf<AudioText>();
    expectTypeOf(await createTranslation(client, { file, model: 'whisper-1', response_format: 'vtt' })).toEqualTypeOf<AudioText>();
  });

  test('verbose_json resolves to the verbose transcript', async () => {
    const verbose = await createTranscription(client, {
      file: './talk.mp3',
      model: 'whisper-1',
      response_format: 'verbose_json',
      'timestamp_granularities[]': ['word', 'segment'],
    });
    expectTypeOf(verbose).toEqualTypeOf<CreateTranscriptionResponseVerboseJson>();
    expectTypeOf(verbose.duration).toEqualTypeOf<number>();
    expectTypeOf(verbose.words?.[0]?.start).toEqualTypeOf<number | undefined>();
    const translated = await createTranslation(client, { file, model: 'whisper-1', response_format: 'verbose_json' });
    expectTypeOf(translated).toEqualTypeOf<CreateTranslationResponseVerboseJson>();
  });

  test('a format only known at run time resolves to any of the shapes', async () => {
    const format = 'srt' as AudioResponseFormat;
    const result = await createTranscription(client, { file, model: 'whisper-1', response_format: format });
    expectTypeOf(result).toEqualTypeOf<CreateTranscriptionResponseVerboseJson | AudioText | CreateTranscriptionResponseJson>();
    expectTypeOf(result.text).toEqualTypeOf<string>();
  });

  test('file and model are required; models and formats are open strings', () => {
    createTranscription(client, { file: { data: new Uint8Array(4), name: 'a.wav' }, model: 'a-newer-model', response_format: 'json', language: 'en' });
    // @ts-expect-error file is required
    createTranscription(client, { model: 'whisper-1' });
    // @ts-expect-error model is required
    createTranslation(client, { file });
    // @ts-expect-error a file is not a number
    createTranscription(client, { file: 42, model: 'whisper-1' });
  });
});

describe('speech', () => {
  test('createSpeech resolves to a binary stream that can be saved on Node', async () => {
    const speech = await createSpeech(client, { model: 'tts-1', input: 'Hello', voice: SpeechVoice.Alloy, response_format: 'mp3' });
    expectTypeOf(speech).toEqualTypeOf<BinaryStream>();
    expectTypeOf(saveToFile(speech, 'hello.mp3')).resolves.toEqualTypeOf<number>();
    createSpeech(client, { model: 'tts-1', input: 'Hello', voice: 'a-newer-voice' });
    // @ts-expect-error voice is required
    createSpeech(client, { model: 'tts-1', input: 'Hello' });
  });
});
