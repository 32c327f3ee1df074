#!/usr/bin/env node
// go-openai's package example: one chat completion, its answer printed.
// Run: OPENAI_API_KEY=sk-... node examples/chat.mjs
import { ChatMessageRole, createChatCompletion } from '@openai-micro/chat';
import { createClient } from '@openai-micro/core';

// createClient reads OPENAI_API_KEY and OPENAI_BASE_URL itself, as the demo does.
const client = createClient();

try {
  const response = await createChatCompletion(client, {
    model: 'gpt-3.5-turbo',
    messages: [{ role: ChatMessageRole.User, content: 'Hello!' }],
  });
  console.log(response.choices[0]?.message.content);
} catch (error) {
  console.log(`ChatCompletion error: ${error.message}`);
  process.exitCode = 1;
}
