import { InputRejectedError } from '@openai-micro/core';
import { type LoopbackServer, startLoopbackServer } from '@openai-micro/tooling/loopback';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteFile } from './delete-file.js';
import { clientFor } from './test-helpers.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer((request, reply) => reply.json(200, { id: request.path.split('/').pop(), object: 'file', deleted: true }));
});
afterAll(() => server.close());

describe('deleteFile', () => {
  it('sends DELETE /files/{file_id} and returns the deletion status', async () => {
    server.requests.length = 0;
    const status = await deleteFile(clientFor(server), { file_id: 'file-abc' });

    expect(status).toEqual({ id: 'file-abc', object: 'file', deleted: true });
    expect(server.requests.map((request) => [request.method, request.path, request.headers.authorization])).toEqual([['DELETE', '/v1/files/file-abc', 'Bearer sk-test']]);
    expect(server.requests[0]!.body.length).toBe(0);
  });

  it('refuses "." as an id before sending', async () => {
    server.requests.length = 0;
    const failure = await deleteFile(clientFor(server), { file_id: '.' }).catch((error) => error);

    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });
});
