import { createClient, ResponseParseError } from '@openai-micro/core';
import { embeddingVector, jsonReply, startTestServer, type TestServer } from '@openai-micro/testing';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedding } from './create-embedding.js';
import { createEmbeddingBase64ResponseSchema, createEmbeddingResponseSchema } from './schemas.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => server.reset());
afterAll(() => server.close());

const client = () => createClient({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });
const model = 'text-embedding-3-small';

describe('embeddings response schemas', () => {
  it('validate float vectors and resolve the validated value', async () => {
    const response = await createEmbedding(client(), { model, input: ['one', 'two'] }, { schema: createEmbeddingResponseSchema() });
    expect(response.data.map((item) => item.index)).toEqual([0, 1]);
    expect(response.data[0]?.embedding).toEqual(Array.from(embeddingVector('one')));
    expect(response.usage.total_tokens).toBeGreaterThan(0);
  });

  it('validate base64 vectors as received, which the operation then decodes', async () => {
    const response = await createEmbedding(client(), { model, input: 'one', encoding_format: 'base64' }, { schema: createEmbeddingBase64ResponseSchema() });
    expect(response.data[0]?.embedding).toEqual(embeddingVector('one'));
    expect(createEmbeddingBase64ResponseSchema()).toBe(createEmbeddingBase64ResponseSchema());
  });

  it('reject a malformed response with ResponseParseError carrying the issues', async () => {
    server.replyOnce(
      'POST /v1/embeddings',
      jsonReply({ object: 'list', model, data: [{ index: 0, object: 'embedding', embedding: 'AAAA' }], usage: { prompt_tokens: 1, total_tokens: 1 } }),
    );
    const error = await createEmbedding(client(), { model, input: 'one' }, { schema: createEmbeddingResponseSchema() }).catch((caught: unknown) => caught);
    expect(ResponseParseError.isInstance(error)).toBe(true);
    expect((error as ResponseParseError).issues?.map((issue) => v.getDotPath(issue as v.BaseIssue<unknown>))).toEqual(['data.0.embedding']);
  });
});
