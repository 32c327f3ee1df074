import { type Client, createMultipartBody, type MultipartValue, type RequestOptions, request, requestText, toUploadFile } from '@openai-micro/core';
import type { CreateTranscriptionRequest } from './types.js';

// The formats the API answers with a plain-text body; every other format is JSON.
const textFormats: readonly unknown[] = ['text', 'srt', 'vtt'];

/**
 * Sends a transcription or translation form: the caller's fields as they are
 * (temperature 0 included), then the audio file; reads the answer as `{ text }`
 * for the text formats and as JSON otherwise.
 *
 * @example
 * return sendAudioForm(client, '/audio/translations', params, options);
 */
export async function sendAudioForm<Result extends object>(
  client: Client,
  path: string,
  params: CreateTranscriptionRequest,
  options: RequestOptions<Result> | undefined,
): Promise<Result> {
  const { file, ...fields } = params;
  const body = createMultipartBody({ ...(fields as Record<string, MultipartValue>), file: await toUploadFile(file, 'file') });
  const operation = { method: 'POST', path, body, model: params.model } as const;
  if (textFormats.includes(params.response_format)) return (await requestText(client, operation, options)) as Result;
  return request<Result>(client, operation, options);
}
