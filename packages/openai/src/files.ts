import type { BinaryStream, Client, Page } from '@openai-micro/core';
import {
  type CreateFileRequest,
  createFile,
  type DeletionStatus,
  deleteFile,
  downloadFile,
  type ListFilesParams,
  listFiles,
  type OpenAIFile,
  retrieveFile,
} from '@openai-micro/files';
import type { CallOptions } from './options.js';

/**
 * `openai.files`.
 *
 * @example
 * const file = await openai.files.create({ file: './train.jsonl', purpose: 'fine-tune' });
 */
export class Files {
  readonly #client: Client;

  /**
   * Made by {@link OpenAI}.
   *
   * @example
   * const files = new Files(createClient());
   */
  constructor(client: Client) {
    this.#client = client;
  }

  /**
   * `createFile`. `file` is a Node path, a Blob or File, or `{ data, name }`
   * (the official SDK's `toFile(...)` and `fs.createReadStream(...)` become a path or `{ data, name }`).
   *
   * @example
   * const file = await openai.files.create({ file: './train.jsonl', purpose: 'fine-tune' });
   */
  async create(params: CreateFileRequest, options?: CallOptions): Promise<OpenAIFile> {
    return createFile(this.#client, params, options);
  }

  /**
   * `listFiles`: a page that is also async-iterable over every file of every page.
   *
   * @example
   * for await (const file of await openai.files.list({ purpose: 'assistants' })) console.log(file.id);
   */
  async list(params: ListFilesParams = {}, options?: CallOptions): Promise<Page<OpenAIFile>> {
    return listFiles(this.#client, params, options);
  }

  /**
   * `retrieveFile`.
   *
   * @example
   * const file = await openai.files.retrieve('file-abc123');
   */
  async retrieve(fileId: string, options?: CallOptions): Promise<OpenAIFile> {
    return retrieveFile(this.#client, { file_id: fileId }, options);
  }

  /**
   * `deleteFile`: the official SDK v4 name.
   *
   * @example
   * await openai.files.del('file-abc123');
   */
  async del(fileId: string, options?: CallOptions): Promise<DeletionStatus> {
    return deleteFile(this.#client, { file_id: fileId }, options);
  }

  /**
   * `deleteFile`: the official SDK v5 name of {@link Files.del}.
   *
   * @example
   * await openai.files.delete('file-abc123');
   */
  async delete(fileId: string, options?: CallOptions): Promise<DeletionStatus> {
    return deleteFile(this.#client, { file_id: fileId }, options);
  }

  /**
   * `downloadFile`: a streamed body with `text()`, `bytes()` and async iteration
   * (the official SDK returns a fetch `Response`; `await (await content).text()` reads the same).
   *
   * @example
   * const text = await (await openai.files.content('file-abc123')).text();
   */
  async content(fileId: string, options?: CallOptions): Promise<BinaryStream> {
    return downloadFile(this.#client, { file_id: fileId }, options);
  }
}
