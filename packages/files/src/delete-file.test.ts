import { createClient, InputRejectedError } from '@openai-micro/core';
import { useLoopbackClient } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { deleteFile } from './delete-file.js';

const context = useLoopbackClient((request, reply) => reply.json(200, { id: request.path.split('/').pop(), object: 'file', deleted: true }), createClient);

describe('deleteFile', () => {
  it('sends DELETE /files/{file_id} and returns the deletion status', async () => {
    const status = await deleteFile(context.client(), { file_id: 'file-abc' });

    expect(status).toEqual({ id: 'file-abc', object: 'file', deleted: true });
    expect(context.server.requests.map((request) => [request.method, request.path, request.headers.authorization])).toEqual([['DELETE', '/v1/files/file-abc', 'Bearer sk-test']]);
    expect(context.server.requests[0]!.body.length).toBe(0);
  });

  it('refuses "." as an id before sending', async () => {
    const failure = await deleteFile(context.client(), { file_id: '.' }).catch((error) => error);

    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect(context.server.requests).toHaveLength(0);
  });
});
