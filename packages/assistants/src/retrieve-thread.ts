import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { Thread, ThreadParams } from './types.js';

/**
 * Retrieves a thread (go-openai `RetrieveThread`; the spec's `getThread`).
 *
 * @example
 * const thread = await retrieveThread(client, { thread_id: 'thread_abc' });
 */
export async function retrieveThread(client: Client, params: ThreadParams, options?: RequestOptions<Thread>): Promise<Thread> {
  return request<Thread>(client, { method: 'GET', path: pathFor('/threads/{thread_id}', params), headers: assistantsBetaHeaders }, options);
}
