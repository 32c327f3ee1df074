import { invalidRequest } from '../operation-errors';
import { jsonReply } from '../replies';
import type { JsonObject, ThreadState } from '../state';
import { metadataUpdate } from './assistants-common';
import { jsonBody, type Operation, type OperationContext, objectReply, unixSeconds } from './context';
import { findThread, newUserMessage } from './messages';

/**
 * `POST /v1/threads` with optional `messages` and `metadata`.
 *
 * @example
 * routes.push({ route: 'POST /v1/threads', operation: createThread });
 */
export const createThread: Operation = (context) => objectReply(newThread(context, jsonBody(context)).thread);

/**
 * Creates and stores a thread from a `CreateThreadRequest`, for `createThread` and `createThreadAndRun`.
 *
 * @example
 * const state = newThread(context, { messages: [{ role: 'user', content: 'Hi' }] });
 */
export function newThread(context: OperationContext, body: JsonObject): ThreadState {
  const id = context.newId('thread_');
  const messages = body.messages ?? [];
  if (!Array.isArray(messages)) throw invalidRequest("'messages' must be an array", 'messages');
  const state: ThreadState = {
    thread: { id, object: 'thread', created_at: unixSeconds(context), metadata: (body.metadata as JsonObject | undefined) ?? {} },
    messages: messages.map((message) => newUserMessage(context, id, (message ?? {}) as JsonObject)),
    runs: [],
  };
  context.store.threads.set(id, state);
  return state;
}

/**
 * `GET /v1/threads/{thread_id}`.
 *
 * @example
 * routes.push({ route: 'GET /v1/threads/{thread_id}', operation: retrieveThread });
 */
export const retrieveThread: Operation = (context) => objectReply(findThread(context).thread);

/**
 * `POST /v1/threads/{thread_id}` with `{ metadata }` only.
 *
 * @example
 * routes.push({ route: 'POST /v1/threads/{thread_id}', operation: modifyThread });
 */
export const modifyThread: Operation = (context) => {
  const { thread } = findThread(context);
  const metadata = metadataUpdate(jsonBody(context));
  if (metadata !== undefined) thread.metadata = metadata;
  return objectReply(thread);
};

/**
 * `DELETE /v1/threads/{thread_id}`.
 *
 * @example
 * routes.push({ route: 'DELETE /v1/threads/{thread_id}', operation: deleteThread });
 */
export const deleteThread: Operation = (context) => {
  const { thread } = findThread(context);
  context.store.threads.delete(thread.id);
  return jsonReply({ id: thread.id, object: 'thread.deleted', deleted: true });
};
