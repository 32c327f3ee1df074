import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { ModifyThreadRequest, Thread, ThreadParams } from './types.js';

/**
 * Parameters of {@link modifyThread}: the path ids and the body fields.
 *
 * @example
 * const params: ModifyThreadParams = { thread_id: 'thread_abc', metadata: { resolved: 'yes' } };
 */
export type ModifyThreadParams = ThreadParams & ModifyThreadRequest;

/**
 * Modifies a thread's metadata (go-openai `ModifyThread`). `metadata: null` is sent as null.
 *
 * @example
 * const thread = await modifyThread(client, { thread_id: 'thread_abc', metadata: { resolved: 'yes' } });
 */
export async function modifyThread(client: Client, params: ModifyThreadParams, options?: RequestOptions<Thread>): Promise<Thread> {
  const { thread_id, ...body } = params;
  return request<Thread>(client, { method: 'POST', path: pathFor('/threads/{thread_id}', { thread_id }), body, headers: assistantsBetaHeaders }, options);
}
