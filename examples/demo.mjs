#!/usr/bin/env node
// The README's demo: a streaming chat through @openai-micro/chat. It talks to a
// real server when OPENAI_API_KEY or OPENAI_BASE_URL is set, otherwise to the
// embedded @openai-micro/testing server. With a terminal it is a chatbot (go-openai's
// stdin example); without one (CI, pipes) it answers one scripted prompt and exits.
import { createInterface } from 'node:readline/promises';
import { accumulateChatCompletion, createChatCompletionStream } from '@openai-micro/chat';
import { createClient, getResponseMetadata, OpenAIMicroError } from '@openai-micro/core';
import { startTestServer } from '@openai-micro/testing';

const usesRealServer = Boolean(process.env.OPENAI_API_KEY || process.env.OPENAI_BASE_URL);
const model = process.env.OPENAI_MODEL ?? 'gpt-4o-mini';
const localServer = usesRealServer ? undefined : await startTestServer();
const client = localServer
  ? createClient({ apiKey: 'sk-demo', baseURL: localServer.url })
  : createClient({ apiKey: process.env.OPENAI_API_KEY ?? '' });

console.log(`openai-micro demo: ${usesRealServer ? client.baseURL : `embedded test server at ${client.baseURL}`}, model ${model}`);

const messages = [{ role: 'system', content: 'You are a concise, friendly assistant.' }];

/** Streams one answer to the terminal and keeps it in the conversation. */
async function answer(prompt) {
  messages.push({ role: 'user', content: prompt });
  const stream = await createChatCompletionStream(client, { model, messages, stream_options: { include_usage: true } });
  const [forScreen, forHistory] = stream.tee();
  const printing = (async () => {
    for await (const chunk of forScreen) process.stdout.write(chunk.choices[0]?.delta?.content ?? '');
  })();
  const completion = await accumulateChatCompletion(forHistory);
  await printing;
  process.stdout.write('\n');
  const reply = completion.choices[0]?.message;
  messages.push({ role: 'assistant', content: reply?.content ?? '' });
  const { requestId } = getResponseMetadata(stream);
  const usage = completion.usage ? `, ${completion.usage.total_tokens} tokens` : '';
  console.log(`(finish reason ${completion.choices[0]?.finish_reason ?? 'none'}${usage}${requestId ? `, request ${requestId}` : ''})`);
}

try {
  if (process.stdin.isTTY && process.stdout.isTTY) {
    const terminal = createInterface({ input: process.stdin, output: process.stdout });
    console.log('Conversation (empty line or Ctrl+D to quit)');
    for (;;) {
      const prompt = await terminal.question('> ').catch(() => '');
      if (!prompt.trim()) break;
      await answer(prompt);
    }
    terminal.close();
  } else {
    const prompt = 'In one sentence, what is openai-micro?';
    console.log(`> ${prompt}`);
    await answer(prompt);
  }
} catch (error) {
  console.error(OpenAIMicroError.isInstance(error) ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await localServer?.close();
}
