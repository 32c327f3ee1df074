#!/usr/bin/env node
// go-openai's CreateCompletion example: the legacy completions endpoint.
// Run: OPENAI_API_KEY=sk-... node examples/completion.mjs
import { createCompletion } from '@openai-micro/completions';
import { createClient } from '@openai-micro/core';

const client = createClient();

try {
  // go-openai's example uses `ada`, which OpenAI has retired; its successor takes the same request.
  const response = await createCompletion(client, { model: 'babbage-002', max_tokens: 5, prompt: 'Lorem ipsum' });
  console.log(response.choices[0]?.text);
} catch (error) {
  console.log(`Completion error: ${error.message}`);
  process.exitCode = 1;
}
