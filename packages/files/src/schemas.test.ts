import { createClient, ResponseParseError } from '@openai-micro/core';
import { jsonReply, startTestServer, type TestServer } from '@openai-micro/testing';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFile } from './create-file.js';
import { deleteFile } from './delete-file.js';
import { listFiles } from './list-files.js';
import { retrieveFile } from './retrieve-file.js';
import { createDeleteFileResponseSchema, createListFilesResponseSchema, createOpenAIFileSchema } from './schemas.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => server.reset());
afterAll(() => server.close());

const client = () => createClient({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });
const upload = (name: string) => createFile(client(), { file: { data: new TextEncoder().encode('{"prompt":"x"}\n'), name }, purpose: 'fine-tune' }, { schema: createOpenAIFileSchema() });

describe('files response schemas', () => {
  it('validate an upload, a retrieval and a deletion', async () => {
    const uploaded = await upload('train.jsonl');
    expect(uploaded).toMatchObject({ object: 'file', filename: 'train.jsonl', purpose: 'fine-tune', bytes: 15 });
    const file = await retrieveFile(client(), { file_id: uploaded.id }, { schema: createOpenAIFileSchema() });
    expect(file.id).toBe(uploaded.id);
    const deleted = await deleteFile(client(), { file_id: uploaded.id }, { schema: createDeleteFileResponseSchema() });
    expect(deleted).toMatchObject({ id: uploaded.id, deleted: true });
  });

  it('validate the file list', async () => {
    for (const name of ['a.jsonl', 'b.jsonl', 'c.jsonl']) await upload(name);
    const names: string[] = [];
    for await (const file of await listFiles(client(), { limit: 2 }, { schema: createListFilesResponseSchema() })) names.push(file.filename);
    expect(names.sort()).toEqual(['a.jsonl', 'b.jsonl', 'c.jsonl']);
    expect(createListFilesResponseSchema()).toBe(createListFilesResponseSchema());
  });

  it('reject a malformed page with ResponseParseError carrying the issues', async () => {
    const good = { id: 'file-1', object: 'file', bytes: 1, created_at: 1, filename: 'a.jsonl', purpose: 'fine-tune' };
    server.replyOnce('GET /v1/files', jsonReply({ object: 'list', data: [good, { ...good, id: 7, bytes: null }] }));
    const error = await listFiles(client(), {}, { schema: createListFilesResponseSchema() }).catch((caught: unknown) => caught);
    expect(ResponseParseError.isInstance(error)).toBe(true);
    expect((error as ResponseParseError).issues?.map((issue) => v.getDotPath(issue as v.BaseIssue<unknown>))).toEqual(['data.1.id', 'data.1.bytes']);
  });
});
