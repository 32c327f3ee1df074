import { getResponseMetadata, ResponseParseError } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import { jsonBody, useLoopbackServer } from '@openai-micro/tooling/test-client';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createEmbedding } from './create-embedding.js';
import { base64FromFloats, testClient } from './test-helpers.js';
import type { CreateEmbeddingResponse } from './types.js';

const vectors = [
  [0.0023064255, -0.009327292, 1.5, -3.25e-7],
  [1.23, 4.56, 7.89, 0],
];

// What the next base64 reply sends as each embedding, when a test wants something broken.
let base64Override: unknown[] | undefined;
beforeEach(() => {
  base64Override = undefined;
});

const loopback = useLoopbackServer((request, reply) => {
  const body = jsonBody(request) as { encoding_format?: string; model: string };
  const base64 = body.encoding_format === 'base64';
  const embeddings = base64 ? (base64Override ?? vectors.map(base64FromFloats)) : vectors;
  return reply.json(
    200,
    {
      object: 'list',
      model: body.model,
      data: embeddings.map((embedding, index) => ({ object: 'embedding', index, embedding })),
      usage: { prompt_tokens: 5, total_tokens: 5 },
    },
    { 'x-request-id': 'req_embed' },
  );
});

describe('createEmbedding', () => {
  it('posts exactly the given body to /embeddings and returns float vectors', async () => {
    const response = await createEmbedding(testClient(loopback.server), { model: 'text-embedding-3-small', input: 'The food was delicious' });

    const [received] = loopback.server.requests;
    expect([received?.method, received?.path, received?.headers.authorization, received?.headers['content-type']]).toEqual([
      'POST',
      '/v1/embeddings',
      'Bearer sk-test',
      'application/json',
    ]);
    expect(received?.body.toString()).toBe('{"model":"text-embedding-3-small","input":"The food was delicious"}');
    expect(response).toEqual({
      object: 'list',
      model: 'text-embedding-3-small',
      data: [
        { object: 'embedding', index: 0, embedding: vectors[0] },
        { object: 'embedding', index: 1, embedding: vectors[1] },
      ],
      usage: { prompt_tokens: 5, total_tokens: 5 },
    });
    expect(getResponseMetadata(response).requestId).toBe('req_embed');
    expectTypeOf(response).toEqualTypeOf<CreateEmbeddingResponse<number[]>>();
  });

  it('sends every input form, zero values and unknown fields as given', async () => {
    const inputs = [['first', 'second'], [1212, 318, 257], [[1212, 318], [257]]] as const;
    for (const input of inputs) {
      await createEmbedding(testClient(loopback.server), { model: 'text-embedding-ada-002', input, user: '', encoding_format: 'float', dimensions: 0, future_field: null });
    }

    expect(loopback.server.requests.map(jsonBody)).toEqual(
      inputs.map((input) => ({ model: 'text-embedding-ada-002', input, user: '', encoding_format: 'float', dimensions: 0, future_field: null })),
    );
  });

  it('decodes base64 vectors into Float32Arrays holding the same values as the float format', async () => {
    const client = testClient(loopback.server);
    const floats = await createEmbedding(client, { model: 'text-embedding-3-large', input: ['a', 'b'] });
    const decoded = await createEmbedding(client, { model: 'text-embedding-3-large', input: ['a', 'b'], encoding_format: 'base64' });

    expect(jsonBody(loopback.server.requests[1]!)).toEqual({ model: 'text-embedding-3-large', input: ['a', 'b'], encoding_format: 'base64' });
    expectTypeOf(decoded.data[0]!.embedding).toEqualTypeOf<Float32Array>();
    for (const [index, item] of decoded.data.entries()) {
      expect(item.embedding).toBeInstanceOf(Float32Array);
      expect(Array.from(item.embedding)).toEqual(floats.data[index]!.embedding.map(Math.fround));
    }
    expect(decoded.usage).toEqual({ prompt_tokens: 5, total_tokens: 5 });
    expect(getResponseMetadata(decoded).requestId).toBe('req_embed');
  });

  it('turns float vectors into Float32Arrays when a server ignores the base64 request', async () => {
    base64Override = [[0.5, -1]];
    const response = await createEmbedding(testClient(loopback.server), { model: 'local-model', input: 'x', encoding_format: 'base64' });

    expect(response.data[0]!.embedding).toEqual(new Float32Array([0.5, -1]));
  });

  it.each([
    ['a byte count that is not whole floats', 'AAAAAAA=', /5 bytes is not a whole number of 4-byte floats/],
    ['a character outside base64', 'AAAA*AAA', /unexpected character "\*" at position 4/],
    ['an impossible length', 'AAAAA', /5 characters cannot encode whole bytes/],
  ])('rejects base64 with %s as a ResponseParseError', async (_, embedding, message) => {
    base64Override = [base64FromFloats([1]), embedding];
    const failure = await createEmbedding(testClient(loopback.server), { model: 'text-embedding-3-small', input: ['a', 'b'], encoding_format: 'base64' }).catch(
      (error: unknown) => error,
    );

    expect(ResponseParseError.isInstance(failure)).toBe(true);
    expect((failure as ResponseParseError).status).toBe(200);
    expect((failure as ResponseParseError).message).toMatch(/^Embedding 1 of the response could not be decoded/);
    expect((failure as ResponseParseError).message).toMatch(message);
    expect((failure as ResponseParseError).bodyExcerpt).toBe(embedding);
  });

  it('goes to the deployment named after the model on Azure', async () => {
    const client = createAzureClient({ baseURL: loopback.server.url, apiKey: 'azure-key', apiVersion: '2024-02-01', maxRetries: 0 });
    await createEmbedding(client, { model: 'text-embedding-ada-002', input: 'hi' });

    const [received] = loopback.server.requests;
    expect(received?.url).toBe('/openai/deployments/text-embedding-ada-002/embeddings?api-version=2024-02-01');
    expect(received?.headers['api-key']).toBe('azure-key');
    expect(received?.headers.authorization).toBeUndefined();
  });
});
