#!/usr/bin/env node
// go-openai's CreateTranscription (Captions) example: subtitles in SubRip
// format, written next to the audio as <file>.srt.
// Run: OPENAI_API_KEY=sk-... node examples/transcription-captions.mjs talk.mp3
import { writeFile } from 'node:fs/promises';
import { AudioModel, AudioResponseFormat, createTranscription } from '@openai-micro/audio';
import { createClient } from '@openai-micro/core';

const audioPath = process.argv[2];
if (!audioPath) {
  console.log('Usage: node transcription-captions.mjs <audio file>');
  process.exit(2);
}
const client = createClient();

let response;
try {
  // Text formats (srt, vtt, text) resolve to { text } holding the whole body.
  response = await createTranscription(client, { model: AudioModel.Whisper1, file: audioPath, response_format: AudioResponseFormat.SRT });
} catch (error) {
  console.log(`Transcription error: ${error.message}`);
  process.exit(1);
}

try {
  await writeFile(`${audioPath}.srt`, response.text);
  console.log(`Captions written to ${audioPath}.srt`);
} catch (error) {
  console.log(`Error writing to file: ${error.message}`);
  process.exitCode = 1;
}
