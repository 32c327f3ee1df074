import { Buffer } from 'node:buffer';
import { invalidRequest, notFound } from '../operation-errors';
import { binaryReply, jsonReply } from '../replies';
import type { FileObject } from '../state';
import { formBody, type Operation, type OperationContext, objectReply, requireFile, unixSeconds } from './context';

/**
 * `POST /v1/files` (multipart `purpose` and `file`): keeps the uploaded bytes in memory.
 *
 * @example
 * routes.push({ route: 'POST /v1/files', operation: createFile });
 */
export const createFile: Operation = (context) => {
  const { fields, files } = formBody(context);
  const part = requireFile(files, 'file');
  const purpose = fields.purpose;
  if (typeof purpose !== 'string' || purpose === '') throw invalidRequest('you must provide a purpose parameter', 'purpose');
  if (part.filename === '') throw invalidRequest('The uploaded file has no name.', 'file');
  return objectReply(storeFile(context, part.filename ?? 'file', purpose, Buffer.from(part.data), part.contentType));
};

/**
 * Adds a file to the store, as uploads and fine-tuning result files do.
 *
 * @example
 * const file = storeFile(context, 'results.csv', 'fine-tune-results', Buffer.from('step,loss\n'), 'text/csv');
 */
export function storeFile(
  context: OperationContext,
  filename: string,
  purpose: string,
  content: Buffer,
  contentType: string | undefined,
): FileObject {
  const file: FileObject = {
    id: context.newId('file-'),
    object: 'file',
    bytes: content.byteLength,
    created_at: unixSeconds(context),
    filename,
    purpose,
    status: 'processed',
    status_details: null,
  };
  context.store.files.set(file.id, { file, content, contentType: contentType ?? 'application/octet-stream' });
  return file;
}

/**
 * `GET /v1/files` with the optional `purpose` filter, oldest upload first.
 *
 * @example
 * routes.push({ route: 'GET /v1/files', operation: listFiles });
 */
export const listFiles: Operation = (context) => {
  const purpose = context.request.query.purpose;
  const data = [...context.store.files.values()]
    .map((stored) => stored.file)
    .filter((file) => purpose === undefined || file.purpose === purpose);
  return objectReply({ object: 'list', data });
};

/**
 * `GET /v1/files/{file_id}`.
 *
 * @example
 * routes.push({ route: 'GET /v1/files/{file_id}', operation: retrieveFile });
 */
export const retrieveFile: Operation = (context) => objectReply(findFile(context).file);

/**
 * `DELETE /v1/files/{file_id}`.
 *
 * @example
 * routes.push({ route: 'DELETE /v1/files/{file_id}', operation: deleteFile });
 */
export const deleteFile: Operation = (context) => {
  const { file } = findFile(context);
  context.store.files.delete(file.id);
  return jsonReply({ id: file.id, object: 'file', deleted: true });
};

/**
 * `GET /v1/files/{file_id}/content`: the stored bytes, with the type they were uploaded with.
 *
 * @example
 * routes.push({ route: 'GET /v1/files/{file_id}/content', operation: downloadFile });
 */
export const downloadFile: Operation = (context) => {
  const stored = findFile(context);
  return binaryReply(new Uint8Array(stored.content), { contentType: stored.contentType });
};

function findFile(context: OperationContext) {
  const id = context.params.file_id!;
  const stored = context.store.files.get(id);
  if (!stored) throw notFound(`No such File object: ${id}`, 'id');
  return stored;
}
