import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { DeleteThreadResponse, ThreadParams } from './types.js';

/**
 * Deletes a thread (go-openai `DeleteThread`).
 *
 * @example
 * const { deleted } = await deleteThread(client, { thread_id: 'thread_abc' });
 */
export async function deleteThread(client: Client, params: ThreadParams, options?: RequestOptions<DeleteThreadResponse>): Promise<DeleteThreadResponse> {
  return request<DeleteThreadResponse>(client, { method: 'DELETE', path: pathFor('/threads/{thread_id}', params), headers: assistantsBetaHeaders }, options);
}
