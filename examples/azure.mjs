#!/usr/bin/env node
// go-openai's DefaultAzureConfig example: the same chat call against Azure OpenAI.
// Run: AZURE_OPENAI_API_KEY=... AZURE_OPENAI_ENDPOINT=https://my-resource.openai.azure.com node examples/azure.mjs
import { ChatMessageRole, createChatCompletion } from '@openai-micro/chat';
import { createAzureClient } from '@openai-micro/core/azure';

// The key goes out as `api-key`; the model picks the deployment (gpt-3.5-turbo → gpt-35-turbo,
// go-openai's default mapper) and every URL carries `api-version`. Pass `deployment` and
// `apiVersion` to change either.
const client = createAzureClient({
  apiKey: process.env.AZURE_OPENAI_API_KEY,
  baseURL: process.env.AZURE_OPENAI_ENDPOINT,
});

try {
  const response = await createChatCompletion(client, {
    model: 'gpt-3.5-turbo',
    messages: [{ role: ChatMessageRole.User, content: 'Hello Azure OpenAI!' }],
  });
  console.log(response.choices[0]?.message.content);
} catch (error) {
  console.log(`ChatCompletion error: ${error.message}`);
  process.exitCode = 1;
}
