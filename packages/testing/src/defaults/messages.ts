import { invalidRequest, notFound } from '../operation-errors';
import { paginate } from '../pagination';
import { jsonReply } from '../replies';
import type { JsonObject, MessageObject, ThreadState } from '../state';
import { metadataUpdate, textContent } from './assistants-common';
import { jsonBody, mustFind, type Operation, type OperationContext, objectReply, unixSeconds } from './context';

/**
 * Validates a message as `createMessage` and `createThread` receive it and
 * builds the stored message.
 *
 * @example
 * thread.messages.push(newUserMessage(context, thread.thread.id, { role: 'user', content: 'Hi' }));
 */
export function newUserMessage(context: OperationContext, threadId: string, input: JsonObject): MessageObject {
  if (input.role !== 'user' && input.role !== 'assistant') {
    throw invalidRequest(`'${String(input.role)}' is not one of ['user', 'assistant'] - 'role'`, 'role');
  }
  if (typeof input.content !== 'string' || input.content === '') {
    throw invalidRequest('you must provide a content parameter', 'content');
  }
  const created = unixSeconds(context);
  return {
    id: context.newId('msg_'),
    object: 'thread.message',
    created_at: created,
    thread_id: threadId,
    status: 'completed',
    incomplete_details: null,
    completed_at: created,
    incomplete_at: null,
    role: input.role,
    content: textContent(input.content),
    assistant_id: null,
    run_id: null,
    file_ids: (input.file_ids as string[] | undefined) ?? [],
    metadata: (input.metadata as JsonObject | undefined) ?? {},
  };
}

/**
 * `POST /v1/threads/{thread_id}/messages`.
 *
 * @example
 * routes.push({ route: 'POST /v1/threads/{thread_id}/messages', operation: createMessage });
 */
export const createMessage: Operation = (context) => {
  const thread = findThread(context);
  const message = newUserMessage(context, thread.thread.id, jsonBody(context));
  thread.messages.push(message);
  return objectReply(message);
};

/**
 * `GET /v1/threads/{thread_id}/messages?limit=&order=&after=&before=`, newest first by default.
 *
 * @example
 * routes.push({ route: 'GET /v1/threads/{thread_id}/messages', operation: listMessages });
 */
export const listMessages: Operation = (context) =>
  objectReply(paginate(findThread(context).messages, context.request.query));

/**
 * `GET /v1/threads/{thread_id}/messages/{message_id}`.
 *
 * @example
 * routes.push({ route: 'GET /v1/threads/{thread_id}/messages/{message_id}', operation: retrieveMessage });
 */
export const retrieveMessage: Operation = (context) => objectReply(findMessage(context).message);

/**
 * `POST /v1/threads/{thread_id}/messages/{message_id}` with `{ metadata }` only.
 *
 * @example
 * routes.push({ route: 'POST /v1/threads/{thread_id}/messages/{message_id}', operation: modifyMessage });
 */
export const modifyMessage: Operation = (context) => {
  const { message } = findMessage(context);
  const metadata = metadataUpdate(jsonBody(context));
  if (metadata !== undefined) message.metadata = metadata;
  return objectReply(message);
};

/**
 * `DELETE /v1/threads/{thread_id}/messages/{message_id}` (added to the API after March 2024).
 *
 * @example
 * routes.push({ route: 'DELETE /v1/threads/{thread_id}/messages/{message_id}', operation: deleteMessage });
 */
export const deleteMessage: Operation = (context) => {
  const { thread, message } = findMessage(context);
  thread.messages = thread.messages.filter((existing) => existing !== message);
  return jsonReply({ id: message.id, object: 'thread.message.deleted', deleted: true });
};

/**
 * `GET /v1/threads/{thread_id}/messages/{message_id}/files`: the message's `file_ids` as message files.
 *
 * @example
 * routes.push({ route: 'GET /v1/threads/{thread_id}/messages/{message_id}/files', operation: listMessageFiles });
 */
export const listMessageFiles: Operation = (context) =>
  objectReply(paginate(messageFiles(findMessage(context).message), context.request.query));

/**
 * `GET /v1/threads/{thread_id}/messages/{message_id}/files/{file_id}`.
 *
 * @example
 * routes.push({ route: 'GET /v1/threads/{thread_id}/messages/{message_id}/files/{file_id}', operation: retrieveMessageFile });
 */
export const retrieveMessageFile: Operation = (context) => {
  const file = messageFiles(findMessage(context).message).find((candidate) => candidate.id === context.params.file_id);
  if (!file) throw notFound(`No file found with id '${context.params.file_id}'.`);
  return objectReply(file);
};

/**
 * The thread named in the path, or the API's 404.
 *
 * @example
 * const thread = findThread(context);
 */
export function findThread(context: OperationContext): ThreadState {
  return mustFind(context.store.threads, context.params.thread_id!, 'thread');
}

function findMessage(context: OperationContext): { thread: ThreadState; message: MessageObject } {
  const thread = findThread(context);
  const message = thread.messages.find((candidate) => candidate.id === context.params.message_id);
  if (!message) throw notFound(`No message found with id '${context.params.message_id}'.`);
  return { thread, message };
}

function messageFiles(message: MessageObject) {
  return message.file_ids.map((id) => ({
    id,
    object: 'thread.message.file',
    created_at: message.created_at,
    message_id: message.id,
  }));
}
