import type { Client, RequestOptions } from '@openai-micro/core';
import { sendAudioForm } from './audio-form.js';
import type { AudioResponseFormat, CreateTranslationRequest, TranslationResult } from './types.js';

/**
 * Translates audio into English text (go-openai `CreateTranslation`), as a
 * multipart form. Formats resolve as in `createTranscription`.
 *
 * @example
 * const { text } = await createTranslation(client, { file: './interview.m4a', model: 'whisper-1' });
 * const subtitles = await createTranslation(client, { file: './interview.m4a', model: 'whisper-1', response_format: 'vtt' });
 */
export async function createTranslation<Format extends AudioResponseFormat | undefined = undefined>(
  client: Client,
  params: CreateTranslationRequest & { response_format?: Format },
  options?: RequestOptions<TranslationResult<Format>>,
): Promise<TranslationResult<Format>> {
  return sendAudioForm(client, '/audio/translations', params, options);
}
