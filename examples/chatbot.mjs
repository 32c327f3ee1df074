#!/usr/bin/env node
// go-openai's chatbot example: every line read from stdin is a user turn, the
// whole conversation is sent each time, and the reply joins the history.
// Run: OPENAI_API_KEY=sk-... node examples/chatbot.mjs   (Ctrl+D ends it)
import { createInterface } from 'node:readline';
import { ChatMessageRole, createChatCompletion } from '@openai-micro/chat';
import { createClient } from '@openai-micro/core';

const client = createClient();
const messages = [{ role: ChatMessageRole.System, content: 'you are a helpful chatbot' }];

console.log('Conversation');
console.log('---------------------');
process.stdout.write('> ');
// A line reader rather than readline's question(): it also works when stdin is a pipe or a file.
for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
  messages.push({ role: ChatMessageRole.User, content: line });
  try {
    const response = await createChatCompletion(client, { model: 'gpt-3.5-turbo', messages });
    const reply = response.choices[0]?.message;
    process.stdout.write(`${reply?.content ?? ''}\n\n`);
    messages.push({ role: ChatMessageRole.Assistant, content: reply?.content ?? '' });
  } catch (error) {
    // As in go-openai: report and keep the conversation going; the failed turn stays out of the history.
    messages.pop();
    console.log(`ChatCompletion error: ${error.message}`);
  }
  process.stdout.write('> ');
}
process.stdout.write('\n');
