#!/usr/bin/env node
// go-openai's CreateCompletionStream example: every streamed chunk printed whole.
// Run: OPENAI_API_KEY=sk-... node examples/completion-stream.mjs
import { createCompletionStream } from '@openai-micro/completions';
import { createClient } from '@openai-micro/core';

const client = createClient();

let stream;
try {
  stream = await createCompletionStream(client, { model: 'babbage-002', max_tokens: 5, prompt: 'Lorem ipsum' });
} catch (error) {
  console.log(`CompletionStream error: ${error.message}`);
  process.exit(1);
}

try {
  for await (const response of stream) console.log(`Stream response: ${JSON.stringify(response)}`);
  console.log('Stream finished');
} catch (error) {
  console.log(`Stream error: ${error.message}`);
  process.exitCode = 1;
}
