#!/usr/bin/env node
// go-openai's APIError example: decide what to do from the HTTP status.
// Run: OPENAI_API_KEY=sk-wrong node examples/errors.mjs
//
// Unlike go-openai, the client has already retried 429s and 5xx (maxRetries, 2 by
// default, honouring Retry-After) before an error reaches this switch; onRetry
// counts those attempts so the message can say so.
import { ChatMessageRole, createChatCompletion } from '@openai-micro/chat';
import { APIError, ConnectionError, createClient, TimeoutError } from '@openai-micro/core';

let retries = 0;
const client = createClient({ onRetry: () => retries++ });

try {
  const response = await createChatCompletion(client, {
    model: 'gpt-3.5-turbo',
    messages: [{ role: ChatMessageRole.User, content: 'Hello!' }],
  });
  console.log(response.choices[0]?.message.content);
} catch (error) {
  // isInstance, not instanceof: it also recognises errors from another installed copy of core.
  if (APIError.isInstance(error)) {
    const seen = `status ${error.status} after ${retries} retries (request ${error.requestId ?? 'unknown'}): ${error.message}`;
    switch (error.status) {
      case 401:
        console.log(`invalid auth or key, do not retry; ${seen}`);
        break;
      case 429:
        console.log(`rate limiting or engine overload, wait and retry; ${seen}`);
        break;
      case 500:
        console.log(`openai server error, retry; ${seen}`);
        break;
      default:
        console.log(`unhandled; ${seen}`);
        process.exitCode = 1;
    }
  } else if (ConnectionError.isInstance(error) || TimeoutError.isInstance(error)) {
    console.log(`no answer from the server (${error.name}): ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
