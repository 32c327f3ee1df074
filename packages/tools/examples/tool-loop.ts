/**
 * A complete tool-calling loop: ask a question with tools, run the tool calls
 * the model makes, send their results back, and repeat until the model answers.
 *
 * It posts to `/chat/completions` with core's `request`, so it needs no chat
 * package; with `@openai-micro/chat`, replace `chat()` below with
 * `createChatCompletion(client, { model, messages, tools })`.
 *
 * Run it: OPENAI_API_KEY=sk-... npx tsx packages/tools/examples/tool-loop.ts
 */
import { pathToFileURL } from 'node:url';
import { type ChatCompletionMessageToolCall, type ChatCompletionTool, type Client, createClient, request } from '@openai-micro/core';
import { type ChatCompletionRequestToolMessage, defineTool, runToolCalls, type Tool } from '@openai-micro/tools';
import * as v from 'valibot';

/** The chat messages this loop sends (a subset of @openai-micro/chat's types). */
export type LoopMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ChatCompletionMessageToolCall[] }
  | ChatCompletionRequestToolMessage;

interface ChatCompletion {
  choices: { message: { role: 'assistant'; content: string | null; tool_calls?: ChatCompletionMessageToolCall[] }; finish_reason: string }[];
}

function chat(client: Client, body: { model: string; messages: LoopMessage[]; tools: ChatCompletionTool[] }): Promise<ChatCompletion> {
  return request<ChatCompletion>(client, { method: 'POST', path: '/chat/completions', body, model: body.model });
}

/**
 * A tool for the example: the weather in a city (made up, so the example needs no weather service).
 *
 * @example
 * const messages = await runToolCalls([weatherTool], toolCalls);
 */
export const weatherTool = defineTool({
  name: 'get_weather',
  description: 'The current weather in a city',
  parameters: v.object({
    city: v.pipe(v.string(), v.description('The city, such as Paris')),
    unit: v.optional(v.picklist(['celsius', 'fahrenheit'])),
  }),
  execute: ({ city, unit = 'celsius' }) => ({ city, unit, temperature: unit === 'celsius' ? 21 : 70 }),
});

/**
 * Asks `question`, running tool calls until the model answers in text or
 * `maxRounds` requests were made.
 *
 * @example
 * const { answer } = await answerWithTools(client, { model: 'gpt-4o-mini', question: 'Weather in Paris?', tools: [weatherTool] });
 */
export async function answerWithTools(
  client: Client,
  { model, question, tools, maxRounds = 5 }: { model: string; question: string; tools: Tool<any, any>[]; maxRounds?: number },
): Promise<{ answer: string; messages: LoopMessage[] }> {
  const messages: LoopMessage[] = [{ role: 'user', content: question }];
  for (let round = 0; round < maxRounds; round++) {
    const { message } = (await chat(client, { model, messages, tools })).choices[0]!;
    messages.push(message);
    if (!message.tool_calls?.length) return { answer: message.content ?? '', messages };
    // Invalid arguments go back to the model as the tool's answer, so it can correct itself.
    messages.push(...(await runToolCalls(tools, message.tool_calls, { invalidArguments: 'reply' })));
  }
  throw new Error(`No answer after ${maxRounds} requests.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const client = createClient({ apiKey: process.env.OPENAI_API_KEY });
  const { answer } = await answerWithTools(client, { model: 'gpt-4o-mini', question: 'Is it warmer in Paris or in Oslo right now?', tools: [weatherTool] });
  console.log(answer);
}
