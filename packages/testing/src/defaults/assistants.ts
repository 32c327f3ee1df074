import { notFound } from '../operation-errors';
import { jsonReply } from '../replies';
import { paginate } from '../pagination';
import type { JsonObject } from '../state';
import {
  jsonBody,
  mustFind,
  type Operation,
  type OperationContext,
  objectReply,
  requireString,
  unixSeconds,
} from './context';

const modifiableFields = ['model', 'name', 'description', 'instructions', 'tools', 'file_ids', 'metadata'];

/**
 * `POST /v1/assistants`.
 *
 * @example
 * routes.push({ route: 'POST /v1/assistants', operation: createAssistant });
 */
export const createAssistant: Operation = (context) => {
  const body = jsonBody(context);
  const assistant = {
    id: context.newId('asst_'),
    object: 'assistant',
    created_at: unixSeconds(context),
    name: body.name ?? null,
    description: body.description ?? null,
    model: requireString(body, 'model'),
    instructions: body.instructions ?? null,
    tools: body.tools ?? [],
    file_ids: (body.file_ids as string[] | undefined) ?? [],
    metadata: body.metadata ?? {},
  };
  context.store.assistants.set(assistant.id, { assistant, files: [] });
  return objectReply(assistant);
};

/**
 * `GET /v1/assistants?limit=&order=&after=&before=`.
 *
 * @example
 * routes.push({ route: 'GET /v1/assistants', operation: listAssistants });
 */
export const listAssistants: Operation = (context) =>
  objectReply(paginate([...context.store.assistants.values()].map((state) => state.assistant), context.request.query));

/**
 * `GET /v1/assistants/{assistant_id}`.
 *
 * @example
 * routes.push({ route: 'GET /v1/assistants/{assistant_id}', operation: retrieveAssistant });
 */
export const retrieveAssistant: Operation = (context) => objectReply(findAssistant(context).assistant);

/**
 * `POST /v1/assistants/{assistant_id}`: changes only the fields sent.
 *
 * @example
 * routes.push({ route: 'POST /v1/assistants/{assistant_id}', operation: modifyAssistant });
 */
export const modifyAssistant: Operation = (context) => {
  const { assistant } = findAssistant(context);
  const body = jsonBody(context);
  for (const field of modifiableFields) if (field in body) assistant[field] = body[field];
  return objectReply(assistant);
};

/**
 * `DELETE /v1/assistants/{assistant_id}`.
 *
 * @example
 * routes.push({ route: 'DELETE /v1/assistants/{assistant_id}', operation: deleteAssistant });
 */
export const deleteAssistant: Operation = (context) => {
  const { assistant } = findAssistant(context);
  context.store.assistants.delete(assistant.id);
  return jsonReply({ id: assistant.id, object: 'assistant.deleted', deleted: true });
};

/**
 * `POST /v1/assistants/{assistant_id}/files` with `{ file_id }`.
 *
 * @example
 * routes.push({ route: 'POST /v1/assistants/{assistant_id}/files', operation: createAssistantFile });
 */
export const createAssistantFile: Operation = (context) => {
  const state = findAssistant(context);
  const fileId = requireString(jsonBody(context), 'file_id');
  const file = { id: fileId, object: 'assistant.file', created_at: unixSeconds(context), assistant_id: state.assistant.id };
  state.files = state.files.filter((existing) => existing.id !== fileId).concat(file);
  if (!state.assistant.file_ids.includes(fileId)) state.assistant.file_ids.push(fileId);
  return objectReply(file);
};

/**
 * `GET /v1/assistants/{assistant_id}/files?limit=&order=&after=&before=`.
 *
 * @example
 * routes.push({ route: 'GET /v1/assistants/{assistant_id}/files', operation: listAssistantFiles });
 */
export const listAssistantFiles: Operation = (context) =>
  objectReply(paginate(findAssistant(context).files, context.request.query));

/**
 * `GET /v1/assistants/{assistant_id}/files/{file_id}`.
 *
 * @example
 * routes.push({ route: 'GET /v1/assistants/{assistant_id}/files/{file_id}', operation: retrieveAssistantFile });
 */
export const retrieveAssistantFile: Operation = (context) => objectReply(findAssistantFile(context).file);

/**
 * `DELETE /v1/assistants/{assistant_id}/files/{file_id}`: detaches the file (the file itself stays).
 *
 * @example
 * routes.push({ route: 'DELETE /v1/assistants/{assistant_id}/files/{file_id}', operation: deleteAssistantFile });
 */
export const deleteAssistantFile: Operation = (context) => {
  const { state, file } = findAssistantFile(context);
  state.files = state.files.filter((existing) => existing !== file);
  state.assistant.file_ids = state.assistant.file_ids.filter((id) => id !== file.id);
  return jsonReply({ id: file.id, object: 'assistant.file.deleted', deleted: true });
};

function findAssistant(context: OperationContext) {
  return mustFind(context.store.assistants, context.params.assistant_id!, 'assistant');
}

function findAssistantFile(context: OperationContext): { state: ReturnType<typeof findAssistant>; file: JsonObject & { id: string } } {
  const state = findAssistant(context);
  const file = state.files.find((existing) => existing.id === context.params.file_id);
  if (!file) throw notFound(`No file found with id '${context.params.file_id}'.`);
  return { state, file };
}
