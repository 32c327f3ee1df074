import { createClient, getResponseMetadata } from '@openai-micro/core';
import { useLoopbackClient } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { listFiles } from './list-files.js';

const file = (id: string) => ({ id, object: 'file', bytes: 1, created_at: 1, filename: `${id}.jsonl`, purpose: 'fine-tune' });

const context = useLoopbackClient(
  (request, reply) =>
    request.query.get('after') === 'file-2'
      ? reply.json(200, { object: 'list', data: [file('file-3')], has_more: false })
      : reply.json(200, { object: 'list', data: [file('file-1'), file('file-2')], has_more: request.query.has('limit') }, { 'x-request-id': 'req_list' }),
  createClient,
);

describe('listFiles', () => {
  it('sends GET /files with the purpose filter and returns the page as sent', async () => {
    const page = await listFiles(context.client(), { purpose: 'fine-tune' });

    expect(context.server.requests).toHaveLength(1);
    expect(context.server.requests[0]!.method).toBe('GET');
    expect(context.server.requests[0]!.url).toBe('/v1/files?purpose=fine-tune');
    expect(context.server.requests[0]!.headers.authorization).toBe('Bearer sk-test');
    expect(page.object).toBe('list');
    expect(page.data.map((item) => item.id)).toEqual(['file-1', 'file-2']);
    expect(page.hasNextPage()).toBe(false);
    expect(getResponseMetadata(page).requestId).toBe('req_list');
  });

  it('sends no query without parameters and walks every page with the after cursor', async () => {
    const bare = await listFiles(context.client());
    expect(context.server.requests[0]!.url).toBe('/v1/files');
    expect(bare.data).toHaveLength(2);

    const ids: string[] = [];
    for await (const item of await listFiles(context.client(), { limit: 2, order: 'asc' })) ids.push(item.id);

    expect(ids).toEqual(['file-1', 'file-2', 'file-3']);
    expect(context.server.requests.slice(1).map((request) => request.url)).toEqual(['/v1/files?limit=2&order=asc', '/v1/files?limit=2&order=asc&after=file-2']);
  });
});
