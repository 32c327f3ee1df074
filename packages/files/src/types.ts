import type { FilePurpose as CoreFilePurpose, DeletionStatus as CoreDeletionStatus, FileInput as CoreFileInput, OpenAIFile as CoreOpenAIFile } from '@openai-micro/core';

export type { Page } from '@openai-micro/core';

/**
 * A file to upload (core's FileInput): a Node file path (streamed from disk), a
 * Blob or File, or `{ data, name, type? }` with bytes, a Blob or a one-shot
 * ReadableStream (such an upload is never retried).
 *
 * @example
 * const inputs: FileInput[] = ['./train.jsonl', new File([text], 'notes.txt'), { data: bytes, name: 'data.jsonl' }, { data: response.body!, name: 'live.jsonl' }];
 */
export type FileInput = CoreFileInput;

/**
 * An uploaded file (the spec's OpenAIFile, shared through core).
 *
 * @example
 * const file: OpenAIFile = await retrieveFile(client, { file_id: 'file-abc123' });
 * console.log(file.filename, file.bytes, file.purpose, file.status);
 */
export type OpenAIFile = CoreOpenAIFile;

/**
 * The answer of `deleteFile` (the spec's DeleteFileResponse, shared through core).
 *
 * @example
 * const status: DeletionStatus = await deleteFile(client, { file_id: 'file-abc123' });
 * if (!status.deleted) console.warn('not deleted', status.id);
 */
export type DeletionStatus = CoreDeletionStatus;

/**
 * Why a file is uploaded: the spec's values (go-openai's `PurposeType`
 * constants), as a union that still accepts purposes the API adds later.
 *
 * @example
 * await createFile(client, { file: './train.jsonl', purpose: FilePurpose.FineTune });
 */
export type FilePurpose = CoreFilePurpose;

/**
 * The known file purposes by name (go-openai's `PurposeFineTune`, `PurposeAssistants`…).
 *
 * @example
 * FilePurpose.Assistants; // 'assistants'
 */
export const FilePurpose = {
  FineTune: 'fine-tune',
  FineTuneResults: 'fine-tune-results',
  Assistants: 'assistants',
  AssistantsOutput: 'assistants_output',
  Batch: 'batch',
  BatchOutput: 'batch_output',
  Vision: 'vision',
  UserData: 'user_data',
} as const;

/**
 * Parameters of `createFile` (the spec's CreateFileRequest).
 *
 * @example
 * const params: CreateFileRequest = { file: './train.jsonl', purpose: 'fine-tune' };
 */
export interface CreateFileRequest {
  /** A Node file path (streamed from disk), a Blob or File, or `{ data, name, type? }`. */
  file: FileInput;
  purpose: FilePurpose;
}

/**
 * Query parameters of `listFiles`. `limit`, `order` and `after` are newer than
 * the 2024-03 spec; servers that do not know them ignore them.
 *
 * @example
 * const params: ListFilesParams = { purpose: 'assistants', limit: 100 };
 */
export interface ListFilesParams {
  /** Only files with this purpose. */
  purpose?: FilePurpose;
  limit?: number;
  order?: 'asc' | 'desc';
  after?: string;
}

/**
 * Parameters of the calls that address one file.
 *
 * @example
 * const params: FileParams = { file_id: 'file-abc123' };
 */
export interface FileParams {
  file_id: string;
}

/**
 * The answer of `listFiles` (the spec's ListFilesResponse) before it becomes a page.
 *
 * @example
 * const response: ListFilesResponse = { object: 'list', data: [] };
 */
export interface ListFilesResponse {
  object: 'list';
  data: OpenAIFile[];
}
