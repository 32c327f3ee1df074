/**
 * valibot schemas of the embeddings response, for core's opt-in `schema` call
 * option (`@openai-micro/embeddings/schemas`). Each schema is built on the
 * first call of its function and kept: importing this module builds nothing,
 * and the main entry never imports it, so apps that do not validate carry no
 * valibot. Objects are loose: the API adds fields.
 */
import * as v from 'valibot';
import type { CreateEmbeddingBase64Response } from './create-embedding.js';
import type { CreateEmbeddingResponse } from './types.js';

let floats: v.GenericSchema<unknown, CreateEmbeddingResponse> | undefined;
let base64: v.GenericSchema<unknown, CreateEmbeddingBase64Response> | undefined;

function embeddingResponse<Vector extends v.GenericSchema>(vector: Vector) {
  return v.looseObject({
    object: v.literal('list'),
    model: v.string(),
    data: v.array(v.looseObject({ index: v.number(), object: v.literal('embedding'), embedding: vector })),
    usage: v.looseObject({ prompt_tokens: v.number(), total_tokens: v.number() }),
  });
}

/**
 * The schema of an embedding response with float vectors (the spec's
 * CreateEmbeddingResponse; `encoding_format` `'float'` or unset), built on the first call.
 *
 * @example
 * import { createEmbedding } from '@openai-micro/embeddings';
 * import { createEmbeddingResponseSchema } from '@openai-micro/embeddings/schemas';
 *
 * const { data } = await createEmbedding(client, { model: 'text-embedding-3-small', input: 'hello' }, { schema: createEmbeddingResponseSchema() });
 */
export function createEmbeddingResponseSchema(): v.GenericSchema<unknown, CreateEmbeddingResponse> {
  floats ??= embeddingResponse(v.array(v.number()));
  return floats;
}

/**
 * The schema of an embedding response with base64 vectors
 * (`encoding_format: 'base64'`), built on the first call. It checks the
 * response as received; the operation then decodes the vectors to `Float32Array`.
 *
 * @example
 * import { createEmbedding } from '@openai-micro/embeddings';
 * import { createEmbeddingBase64ResponseSchema } from '@openai-micro/embeddings/schemas';
 *
 * const { data } = await createEmbedding(
 *   client,
 *   { model: 'text-embedding-3-small', input: 'hello', encoding_format: 'base64' },
 *   { schema: createEmbeddingBase64ResponseSchema() },
 * );
 */
export function createEmbeddingBase64ResponseSchema(): v.GenericSchema<unknown, CreateEmbeddingBase64Response> {
  base64 ??= embeddingResponse(v.string());
  return base64;
}
