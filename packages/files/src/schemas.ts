/**
 * valibot schemas of the files responses, for core's opt-in `schema` call
 * option (`@openai-micro/files/schemas`). Each schema is built on the first
 * call of its function and kept: importing this module builds nothing, and
 * the main entry never imports it, so apps that do not validate carry no
 * valibot. Objects are loose (the API adds fields) and `purpose` and `status`
 * are strings (it adds values), as in the types.
 */
import * as v from 'valibot';
import type { DeletionStatus, ListFilesResponse, OpenAIFile } from './types.js';

let file: v.GenericSchema<unknown, OpenAIFile> | undefined;
let fileList: v.GenericSchema<unknown, ListFilesResponse> | undefined;
let fileDeleted: v.GenericSchema<unknown, DeletionStatus> | undefined;

/**
 * The schema of a file (the spec's OpenAIFile), built on the first call.
 *
 * @example
 * import { createFile, retrieveFile } from '@openai-micro/files';
 * import { createOpenAIFileSchema } from '@openai-micro/files/schemas';
 *
 * const uploaded = await createFile(client, { file: './train.jsonl', purpose: 'fine-tune' }, { schema: createOpenAIFileSchema() });
 * const file = await retrieveFile(client, { file_id: uploaded.id }, { schema: createOpenAIFileSchema() });
 */
export function createOpenAIFileSchema(): v.GenericSchema<unknown, OpenAIFile> {
  file ??= v.looseObject({
    id: v.string(),
    object: v.literal('file'),
    bytes: v.number(),
    created_at: v.number(),
    filename: v.string(),
    purpose: v.string(),
    status: v.optional(v.string()),
    status_details: v.nullish(v.string()),
  });
  return file;
}

/**
 * The schema of one page of the file list (the spec's ListFilesResponse;
 * `has_more`, `first_id` and `last_id` where the API sends them), built on the
 * first call. Every page of a walk is checked.
 *
 * @example
 * import { listFiles } from '@openai-micro/files';
 * import { createListFilesResponseSchema } from '@openai-micro/files/schemas';
 *
 * for await (const file of await listFiles(client, { purpose: 'fine-tune' }, { schema: createListFilesResponseSchema() })) console.log(file.filename);
 */
export function createListFilesResponseSchema(): v.GenericSchema<unknown, ListFilesResponse> {
  fileList ??= v.looseObject({
    object: v.literal('list'),
    data: v.array(createOpenAIFileSchema()),
    has_more: v.optional(v.boolean()),
    first_id: v.nullish(v.string()),
    last_id: v.nullish(v.string()),
  });
  return fileList;
}

/**
 * The schema of the answer to deleting a file (the spec's DeleteFileResponse), built on the first call.
 *
 * @example
 * import { deleteFile } from '@openai-micro/files';
 * import { createDeleteFileResponseSchema } from '@openai-micro/files/schemas';
 *
 * const { deleted } = await deleteFile(client, { file_id: 'file-abc123' }, { schema: createDeleteFileResponseSchema() });
 */
export function createDeleteFileResponseSchema(): v.GenericSchema<unknown, DeletionStatus> {
  fileDeleted ??= v.looseObject({ id: v.string(), object: v.string(), deleted: v.boolean() });
  return fileDeleted;
}
