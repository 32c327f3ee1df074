import type { Client, RequestOptions } from '@openai-micro/core';
import { sendAudioForm } from './audio-form.js';
import type { AudioResponseFormat, CreateTranscriptionRequest, TranscriptionResult } from './types.js';

/**
 * Transcribes audio into text in its own language (go-openai
 * `CreateTranscription`), as a multipart form. Every format resolves to an
 * object: `json` (the default) to `{ text }`, `verbose_json` to the transcript
 * with language, duration, segments and words, and `text`, `srt` and `vtt` to
 * `{ text }` holding the whole body.
 *
 * @example
 * const { text } = await createTranscription(client, { file: './talk.mp3', model: 'whisper-1' });
 * const subtitles = await createTranscription(client, { file: './talk.mp3', model: 'whisper-1', response_format: 'srt' });
 * const verbose = await createTranscription(client, {
 *   file: './talk.mp3', model: 'whisper-1', response_format: 'verbose_json', 'timestamp_granularities[]': ['word'],
 * });
 * console.log(verbose.duration, verbose.words?.[0]);
 */
export async function createTranscription<Format extends AudioResponseFormat | undefined = undefined>(
  client: Client,
  params: CreateTranscriptionRequest & { response_format?: Format },
  options?: RequestOptions<TranscriptionResult<Format>>,
): Promise<TranscriptionResult<Format>> {
  return sendAudioForm(client, '/audio/transcriptions', params, options);
}
