#!/usr/bin/env node
// go-openai's CreateTranslation example: speech in any language to English text.
// Run: OPENAI_API_KEY=sk-... node examples/translation.mjs [recording.mp3]
import { AudioModel, createTranslation } from '@openai-micro/audio';
import { createClient } from '@openai-micro/core';

const client = createClient();

try {
  const response = await createTranslation(client, { model: AudioModel.Whisper1, file: process.argv[2] ?? 'recording.mp3' });
  console.log(response.text);
} catch (error) {
  console.log(`Translation error: ${error.message}`);
  process.exitCode = 1;
}
