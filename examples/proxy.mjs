#!/usr/bin/env node
// go-openai's ClientWithProxy example: every request goes through an HTTP proxy.
// Run: OPENAI_PROXY_PORT=8888 OPENAI_API_KEY=sk-... node examples/proxy.mjs [--fetch]
//
// Two ways to say it: an undici ProxyAgent as the client's `dispatcher` (the Node
// transport's own connection pool), or `--fetch`: your own fetch that routes through
// the proxy, which is also how a runtime without undici would do it.
// (Without either, the Node transport already honours HTTPS_PROXY/HTTP_PROXY/NO_PROXY.)
import { ChatMessageRole, createChatCompletion } from '@openai-micro/chat';
import { createClient } from '@openai-micro/core';
import { ProxyAgent, fetch as undiciFetch } from 'undici';

const proxyURL = process.env.OPENAI_PROXY_URL ?? `http://127.0.0.1:${process.env.OPENAI_PROXY_PORT ?? '8888'}`;
const proxy = new ProxyAgent(proxyURL);
const client = process.argv.includes('--fetch')
  ? createClient({ fetch: (input, init) => undiciFetch(input, { ...init, dispatcher: proxy }) })
  : createClient({ dispatcher: proxy });

try {
  const response = await createChatCompletion(client, {
    model: 'gpt-3.5-turbo',
    messages: [{ role: ChatMessageRole.User, content: 'Hello through the proxy!' }],
  });
  console.log(response.choices[0]?.message.content);
  console.log(`(via ${proxyURL}${process.argv.includes('--fetch') ? ', custom fetch' : ', dispatcher'})`);
} catch (error) {
  console.log(`ChatCompletion error: ${error.message}`);
  process.exitCode = 1;
} finally {
  // The agent keeps its sockets open for reuse; closing it lets the process exit at once.
  await proxy.close();
}
