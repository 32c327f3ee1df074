/**
 * valibot schemas of the transcription and translation responses, for core's
 * opt-in `schema` call option (`@openai-micro/audio/schemas`). Each schema is
 * built on the first call of its function and kept: importing this module
 * builds nothing, and the main entry never imports it, so apps that do not
 * validate carry no valibot. Objects are loose: the API adds fields. The text
 * formats (`text`, `srt`, `vtt`) are not JSON and are not validated.
 */
import * as v from 'valibot';
import type {
  CreateTranscriptionResponseJson,
  CreateTranscriptionResponseVerboseJson,
  CreateTranslationResponseJson,
  CreateTranslationResponseVerboseJson,
} from './types.js';

let transcriptionJson: v.GenericSchema<unknown, CreateTranscriptionResponseJson> | undefined;
let transcriptionVerbose: v.GenericSchema<unknown, CreateTranscriptionResponseVerboseJson> | undefined;
let translationJson: v.GenericSchema<unknown, CreateTranslationResponseJson> | undefined;
let translationVerbose: v.GenericSchema<unknown, CreateTranslationResponseVerboseJson> | undefined;

/** The fields of a `verbose_json` transcript that translations and transcriptions share. */
function verboseEntries() {
  const n = v.number();
  return {
    task: v.optional(v.string()),
    language: v.string(),
    duration: n,
    text: v.string(),
    segments: v.optional(
      v.array(
        v.looseObject({
          id: n,
          seek: n,
          start: n,
          end: n,
          text: v.string(),
          tokens: v.array(n),
          temperature: n,
          avg_logprob: n,
          compression_ratio: n,
          no_speech_prob: n,
        }),
      ),
    ),
  };
}

/**
 * The schema of a transcription in the default `json` format (the spec's
 * CreateTranscriptionResponseJson), built on the first call.
 *
 * @example
 * import { createTranscription } from '@openai-micro/audio';
 * import { createTranscriptionResponseJsonSchema } from '@openai-micro/audio/schemas';
 *
 * const { text } = await createTranscription(client, { file: './talk.mp3', model: 'whisper-1' }, { schema: createTranscriptionResponseJsonSchema() });
 */
export function createTranscriptionResponseJsonSchema(): v.GenericSchema<unknown, CreateTranscriptionResponseJson> {
  transcriptionJson ??= v.looseObject({ text: v.string() });
  return transcriptionJson;
}

/**
 * The schema of a transcription in the `verbose_json` format (the spec's
 * CreateTranscriptionResponseVerboseJson: language, duration, segments, and
 * words when asked for), built on the first call.
 *
 * @example
 * import { createTranscription } from '@openai-micro/audio';
 * import { createTranscriptionResponseVerboseJsonSchema } from '@openai-micro/audio/schemas';
 *
 * const transcript = await createTranscription(
 *   client,
 *   { file: './talk.mp3', model: 'whisper-1', response_format: 'verbose_json', 'timestamp_granularities[]': ['word'] },
 *   { schema: createTranscriptionResponseVerboseJsonSchema() },
 * );
 */
export function createTranscriptionResponseVerboseJsonSchema(): v.GenericSchema<unknown, CreateTranscriptionResponseVerboseJson> {
  transcriptionVerbose ??= v.looseObject({
    ...verboseEntries(),
    words: v.optional(v.array(v.looseObject({ word: v.string(), start: v.number(), end: v.number() }))),
  });
  return transcriptionVerbose;
}

/**
 * The schema of a translation in the default `json` format (the spec's
 * CreateTranslationResponseJson), built on the first call.
 *
 * @example
 * import { createTranslation } from '@openai-micro/audio';
 * import { createTranslationResponseJsonSchema } from '@openai-micro/audio/schemas';
 *
 * const { text } = await createTranslation(client, { file: './talk.mp3', model: 'whisper-1' }, { schema: createTranslationResponseJsonSchema() });
 */
export function createTranslationResponseJsonSchema(): v.GenericSchema<unknown, CreateTranslationResponseJson> {
  translationJson ??= v.looseObject({ text: v.string() });
  return translationJson;
}

/**
 * The schema of a translation in the `verbose_json` format (the spec's
 * CreateTranslationResponseVerboseJson), built on the first call.
 *
 * @example
 * import { createTranslation } from '@openai-micro/audio';
 * import { createTranslationResponseVerboseJsonSchema } from '@openai-micro/audio/schemas';
 *
 * const translation = await createTranslation(
 *   client,
 *   { file: './talk.mp3', model: 'whisper-1', response_format: 'verbose_json' },
 *   { schema: createTranslationResponseVerboseJsonSchema() },
 * );
 */
export function createTranslationResponseVerboseJsonSchema(): v.GenericSchema<unknown, CreateTranslationResponseVerboseJson> {
  translationVerbose ??= v.looseObject(verboseEntries());
  return translationVerbose;
}
