#!/usr/bin/env node
// go-openai's CreateChatCompletionStream example: tokens printed as they arrive.
// Run: OPENAI_API_KEY=sk-... node examples/chat-stream.mjs
import { ChatMessageRole, createChatCompletionStream } from '@openai-micro/chat';
import { createClient } from '@openai-micro/core';

const client = createClient();

let stream;
try {
  stream = await createChatCompletionStream(client, {
    model: 'gpt-3.5-turbo',
    max_tokens: 20,
    messages: [{ role: ChatMessageRole.User, content: 'Lorem ipsum' }],
  });
} catch (error) {
  console.log(`ChatCompletionStream error: ${error.message}`);
  process.exit(1);
}

process.stdout.write('Stream response: ');
try {
  // Leaving the loop early (break, throw) cancels the stream and its request: go-openai's `defer stream.Close()`.
  for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta.content ?? '');
  console.log('\nStream finished');
} catch (error) {
  console.log(`\nStream error: ${error.message}`);
  process.exitCode = 1;
}
