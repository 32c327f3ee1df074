/**
 * Helpers of this package's tests (not exported by the package); what every
 * resource package's tests need is in `@openai-micro/tooling/test-client`.
 */
import { type Client, createClient } from '@openai-micro/core';
import type { LoopbackServer } from '@openai-micro/tooling/loopback';
import { testClientOptions } from '@openai-micro/tooling/test-client';
import type { CompletionChunk } from './types.js';

/**
 * A client aimed at a loopback server, without retries so that every test sees exactly one request.
 *
 * @example
 * const client = testClient(server);
 */
export function testClient(server: LoopbackServer): Client {
  return createClient(testClientOptions(server));
}

/**
 * A completion stream chunk with one choice.
 *
 * @example
 * const chunk = completionChunk('Hel');
 */
export function completionChunk(text: string, finishReason: string | null = null, index = 0): CompletionChunk {
  return {
    id: 'cmpl-1',
    object: 'text_completion',
    created: 1_700_000_000,
    model: 'gpt-3.5-turbo-instruct',
    choices: [{ text, index, logprobs: null, finish_reason: finishReason }],
  };
}
