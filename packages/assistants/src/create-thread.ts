import { type Client, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { CreateThreadRequest, Thread } from './types.js';

/**
 * Creates a thread, optionally with messages (go-openai `CreateThread`).
 *
 * @example
 * const thread = await createThread(client, { messages: [{ role: 'user', content: 'Hello!' }], metadata: { user: 'u_1' } });
 */
export async function createThread(client: Client, params: CreateThreadRequest = {}, options?: RequestOptions<Thread>): Promise<Thread> {
  return request<Thread>(client, { method: 'POST', path: '/threads', body: { ...params }, headers: assistantsBetaHeaders }, options);
}
