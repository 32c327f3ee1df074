import { type Client, createClient, getResponseMetadata, type RequestOptions } from '@openai-micro/core';
import {
  type CreateEmbeddingBase64Response,
  type CreateEmbeddingParams,
  type CreateEmbeddingResponse,
  cosineSimilarity,
  createEmbedding,
  decodeEmbeddingBase64,
  EmbeddingEncodingFormat,
} from '@openai-micro/embeddings';
import { describe, expectTypeOf, test } from 'vitest';

const client = createClient({ apiKey: 'sk-test' });

describe('createEmbedding', () => {
  test('float (the default) resolves to number[] vectors', async () => {
    const plain = await createEmbedding(client, { model: 'text-embedding-3-small', input: 'hello' });
    expectTypeOf(plain).toEqualTypeOf<CreateEmbeddingResponse>();
    expectTypeOf(plain.data[0]!.embedding).toEqualTypeOf<number[]>();
    const float = await createEmbedding(client, { model: 'text-embedding-3-small', input: ['a', 'b'], encoding_format: 'float' });
    expectTypeOf(float.data[0]!.embedding).toEqualTypeOf<number[]>();
    expectTypeOf(getResponseMetadata(float).status).toEqualTypeOf<number>();
  });

  test('base64 resolves to Float32Array vectors', async () => {
    const base64 = await createEmbedding(client, { model: 'text-embedding-3-small', input: 'hello', encoding_format: 'base64' });
    expectTypeOf(base64).toEqualTypeOf<CreateEmbeddingResponse<Float32Array>>();
    expectTypeOf(base64.data[0]!.embedding).toEqualTypeOf<Float32Array>();
    const viaConstant = await createEmbedding(client, { model: 'text-embedding-3-small', input: 'x', encoding_format: EmbeddingEncodingFormat.Base64 });
    expectTypeOf(viaConstant.data[0]!.embedding).toEqualTypeOf<Float32Array>();
  });

  test('a format only known at run time resolves to either shape', async () => {
    const format = 'base64' as string;
    const either = await createEmbedding(client, { model: 'text-embedding-3-small', input: 'x', encoding_format: format });
    expectTypeOf(either).toEqualTypeOf<CreateEmbeddingResponse | CreateEmbeddingResponse<Float32Array>>();
  });

  test('the schema option validates the response as it travels', () => {
    expectTypeOf<Parameters<typeof createEmbedding>[2]>().toEqualTypeOf<
      RequestOptions<CreateEmbeddingResponse | CreateEmbeddingBase64Response> | undefined
    >();
    expectTypeOf(createEmbedding).parameter(0).toEqualTypeOf<Client>();
    expectTypeOf<CreateEmbeddingBase64Response['data'][number]['embedding']>().toEqualTypeOf<string>();
  });

  test('model and input are required', () => {
    expectTypeOf<CreateEmbeddingParams['dimensions']>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error input is required
    createEmbedding(client, { model: 'text-embedding-3-small' });
    // @ts-expect-error model is required
    createEmbedding(client, { input: 'x' });
  });

  test('vector math takes either vector type', () => {
    expectTypeOf(cosineSimilarity([1, 2], new Float32Array(2))).toEqualTypeOf<number>();
    expectTypeOf(decodeEmbeddingBase64('AACAPw==')).toEqualTypeOf<Float32Array>();
  });
});
