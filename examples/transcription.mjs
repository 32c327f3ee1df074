#!/usr/bin/env node
// go-openai's CreateTranscription example: speech to text.
// Run: OPENAI_API_KEY=sk-... node examples/transcription.mjs [recording.mp3]
import { AudioModel, createTranscription } from '@openai-micro/audio';
import { createClient } from '@openai-micro/core';

const client = createClient();

try {
  // A path is streamed from disk; the API reads the audio format from the file name.
  const response = await createTranscription(client, { model: AudioModel.Whisper1, file: process.argv[2] ?? 'recording.mp3' });
  console.log(response.text);
} catch (error) {
  console.log(`Transcription error: ${error.message}`);
  process.exitCode = 1;
}
