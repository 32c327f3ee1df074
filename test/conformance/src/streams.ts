/**
 * Stream fixtures: events shaped by the 2024-03 spec's stream schemas. Each
 * one is checked against its schema by Prism (through the schema-check paths
 * added to the run-time spec) before a client is fed with it.
 */
import { schemaCheckPrefix } from './specs.js';

/** Checks one event against a component schema; resolves to Prism's complaint, or undefined when valid. */
export async function schemaViolations(prismURL: string, schema: string, value: unknown): Promise<string | undefined> {
  const response = await fetch(`${prismURL}${schemaCheckPrefix}${schema}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  });
  const text = await response.text();
  const violations = response.headers.get('sl-violations');
  if (response.status === 204 && !violations) return undefined;
  return `${schema} refused ${JSON.stringify(value).slice(0, 500)}: ${response.status} ${violations ?? ''} ${text.slice(0, 3_000)}`;
}

/** `data: …` blocks followed by `data: [DONE]`. */
export function dataEvents(values: unknown[]): string[] {
  return [...values.map((value) => `data: ${JSON.stringify(value)}\n\n`), 'data: [DONE]\n\n'];
}

/** `event: …` / `data: …` blocks for the Assistants stream (its `done` event carries `[DONE]`). */
export function namedEvents(events: { event: string; data: unknown }[]): string[] {
  return events.map(({ event, data }) => `event: ${event}\ndata: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
}

const created = 1_711_000_000;

export const chatChunks = [
  {
    id: 'chatcmpl-stream-1',
    object: 'chat.completion.chunk',
    created,
    model: 'gpt-4-0125-preview',
    system_fingerprint: 'fp_conformance',
    choices: [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }],
  },
  {
    id: 'chatcmpl-stream-1',
    object: 'chat.completion.chunk',
    created,
    model: 'gpt-4-0125-preview',
    system_fingerprint: 'fp_conformance',
    choices: [{ index: 0, delta: { content: 'Hello' }, logprobs: null, finish_reason: null }],
  },
  {
    id: 'chatcmpl-stream-1',
    object: 'chat.completion.chunk',
    created,
    model: 'gpt-4-0125-preview',
    system_fingerprint: 'fp_conformance',
    choices: [
      {
        index: 0,
        delta: { tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":' } }] },
        logprobs: null,
        finish_reason: null,
      },
    ],
  },
  {
    id: 'chatcmpl-stream-1',
    object: 'chat.completion.chunk',
    created,
    model: 'gpt-4-0125-preview',
    system_fingerprint: 'fp_conformance',
    choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }, logprobs: null, finish_reason: null }],
  },
  {
    id: 'chatcmpl-stream-1',
    object: 'chat.completion.chunk',
    created,
    model: 'gpt-4-0125-preview',
    system_fingerprint: 'fp_conformance',
    choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' }],
  },
];

/**
 * The 2024-03 spec gives streamed completions the shape of a whole completion
 * ("both the streamed and non-streamed response objects share the same
 * shape"), where `finish_reason` is never null: so every spec-shaped chunk
 * carries one.
 */
export const completionChunks = [
  {
    id: 'cmpl-stream-1',
    object: 'text_completion',
    created,
    model: 'gpt-3.5-turbo-instruct',
    system_fingerprint: 'fp_conformance',
    choices: [{ index: 0, text: 'Hello', logprobs: null, finish_reason: 'length' }],
  },
  {
    id: 'cmpl-stream-1',
    object: 'text_completion',
    created,
    model: 'gpt-3.5-turbo-instruct',
    system_fingerprint: 'fp_conformance',
    choices: [{ index: 0, text: ' world', logprobs: { tokens: [' world'], token_logprobs: [-0.25], top_logprobs: [{ ' world': -0.25 }], text_offset: [5] }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
  },
];
