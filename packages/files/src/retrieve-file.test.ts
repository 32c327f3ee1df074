import { createClient, InputRejectedError, isNotFoundError } from '@openai-micro/core';
import { useLoopbackClient } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { retrieveFile } from './retrieve-file.js';

const context = useLoopbackClient(
  (request, reply) =>
    request.path === '/v1/files/file-abc'
      ? reply.json(200, { id: 'file-abc', object: 'file', bytes: 42, created_at: 1, filename: 'a.jsonl', purpose: 'assistants', status: 'processed' })
      : reply.json(404, { error: { message: 'No such File object', type: 'invalid_request_error', param: 'id' } }),
  createClient,
);

describe('retrieveFile', () => {
  it('sends GET /files/{file_id} and returns the file', async () => {
    const file = await retrieveFile(context.client(), { file_id: 'file-abc' });

    expect(file).toEqual({ id: 'file-abc', object: 'file', bytes: 42, created_at: 1, filename: 'a.jsonl', purpose: 'assistants', status: 'processed' });
    expect(context.server.requests.map((request) => [request.method, request.path, request.headers.authorization])).toEqual([['GET', '/v1/files/file-abc', 'Bearer sk-test']]);
  });

  it('encodes the id as one path segment and types a 404', async () => {
    const failure = await retrieveFile(context.client(), { file_id: '../models' }).catch((error) => error);

    expect(context.server.requests[0]!.path).toBe('/v1/files/..%2Fmodels');
    expect(isNotFoundError(failure)).toBe(true);
  });

  it('refuses an empty id before sending', async () => {
    const failure = await retrieveFile(context.client(), { file_id: '' }).catch((error) => error);

    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect(context.server.requests).toHaveLength(0);
  });
});
