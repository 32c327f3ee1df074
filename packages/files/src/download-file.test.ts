import { once } from 'node:events';
import { createClient, getResponseMetadata, isNotFoundError } from '@openai-micro/core';
import { testClientOptions, useLoopbackClient } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { downloadFile } from './download-file.js';
import { listenOnLoopback, peakMemoryGrowth } from './test-helpers.js';

const content = '{"messages":[{"role":"user","content":"héllo"}]}\n';

const context = useLoopbackClient(
  (request, reply) =>
    request.path === '/v1/files/file-abc/content'
      ? reply.chunks(200, { 'content-type': 'application/octet-stream', 'x-request-id': 'req_dl' }, reply.split(content, [5, 20, 30]))
      : reply.json(404, { error: { message: 'No such File object', type: 'invalid_request_error' } }),
  createClient,
);

describe('downloadFile', () => {
  it('sends GET /files/{file_id}/content and reads the body as text or bytes', async () => {
    const client = context.client();
    const asText = await downloadFile(client, { file_id: 'file-abc' });

    expect(asText.contentType).toBe('application/octet-stream');
    expect(getResponseMetadata(asText).requestId).toBe('req_dl');
    expect(await asText.text()).toBe(content);
    expect(await (await downloadFile(client, { file_id: 'file-abc' })).bytes()).toEqual(new TextEncoder().encode(content));
    expect(context.server.requests.map((request) => [request.method, request.path, request.headers.authorization])).toEqual([
      ['GET', '/v1/files/file-abc/content', 'Bearer sk-test'],
      ['GET', '/v1/files/file-abc/content', 'Bearer sk-test'],
    ]);
  });

  it('types a 404 as an APIError', async () => {
    const failure = await downloadFile(context.client(), { file_id: 'file-gone' }).catch((error) => error);
    expect(isNotFoundError(failure)).toBe(true);
  });

  it('streams a 256 MiB download chunk by chunk with bounded memory', async () => {
    const size = 256 * 1024 * 1024;
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const sending = await listenOnLoopback(async (_incoming, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size });
      for (let sent = 0; sent < size; sent += chunk.length) {
        if (!response.write(chunk)) await once(response, 'drain');
      }
      response.end();
    });
    let received = 0;
    let chunks = 0;
    let growth: number;
    try {
      growth = await peakMemoryGrowth(async () => {
        for await (const bytes of await downloadFile(createClient(testClientOptions(sending)), { file_id: 'file-large' })) {
          received += bytes.byteLength;
          chunks += 1;
        }
      });
    } finally {
      sending.close();
    }

    expect(received).toBe(size);
    expect(chunks).toBeGreaterThan(100);
    expect(growth).toBeLessThan(64 * 1024 * 1024);
  });
});
