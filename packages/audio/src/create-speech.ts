import { type BinaryStream, type Client, type RequestOptions, requestBinary } from '@openai-micro/core';
import type { CreateSpeechRequest } from './types.js';

/**
 * Turns text into spoken audio (go-openai `CreateSpeech`) and resolves a byte
 * stream as soon as the audio starts arriving: play or forward it chunk by
 * chunk, read it whole with `.bytes()`, or save it on Node with `saveToFile`
 * from `@openai-micro/audio/node`. Model and voice are not checked here (the
 * API adds voices); call `checkSpeechModel`/`checkSpeechVoice` to opt in.
 *
 * @example
 * const audio = await createSpeech(client, { model: 'tts-1', input: 'Hello!', voice: 'alloy' });
 * for await (const chunk of audio) player.write(chunk);
 * const mp3 = await (await createSpeech(client, { model: 'tts-1', input: 'Hi', voice: 'nova' })).bytes();
 */
export async function createSpeech(client: Client, params: CreateSpeechRequest, options?: RequestOptions): Promise<BinaryStream> {
  return requestBinary(client, { method: 'POST', path: '/audio/speech', body: { ...params }, model: params.model }, options);
}
