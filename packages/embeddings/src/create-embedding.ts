import { type Client, executeRequest, InputRejectedError, parseJSONBody, readBodyText, type RequestOptions, ResponseParseError } from '@openai-micro/core';
import { decodeEmbeddingBase64 } from './decode-embedding-base64.js';
import type { CreateEmbeddingRequest, CreateEmbeddingResponse } from './types.js';

/**
 * Parameters of {@link createEmbedding}: the request body.
 *
 * @example
 * const params: CreateEmbeddingParams = { model: 'text-embedding-3-small', input: ['first', 'second'], dimensions: 256 };
 */
export type CreateEmbeddingParams = CreateEmbeddingRequest;

/**
 * The response as it travels for `encoding_format: 'base64'`, before decoding; what a `schema` option validates.
 *
 * @example
 * const checkRaw = (response: CreateEmbeddingBase64Response) => response.data.every((item) => typeof item.embedding === 'string');
 */
export type CreateEmbeddingBase64Response = CreateEmbeddingResponse<string>;

function decodeVectors(response: CreateEmbeddingResponse<unknown>, status: number): CreateEmbeddingResponse<Float32Array> {
  for (const item of response.data ?? []) {
    const vector: unknown = item.embedding;
    if (typeof vector === 'string') {
      try {
        (item as { embedding: unknown }).embedding = decodeEmbeddingBase64(vector);
      } catch (cause) {
        if (!InputRejectedError.isInstance(cause)) throw cause;
        throw new ResponseParseError(`Embedding ${item.index} of the response could not be decoded. ${cause.message}`, {
          status,
          body: vector,
          cause,
        });
      }
    } else if (Array.isArray(vector)) {
      // Some compatible servers ignore encoding_format and send floats anyway; keep the promised type.
      (item as { embedding: unknown }).embedding = Float32Array.from(vector as number[]);
    }
  }
  return response as CreateEmbeddingResponse<Float32Array>;
}

/**
 * Creates embedding vectors for one or more inputs (go-openai `CreateEmbeddings`).
 * The body is sent as given: nothing is added, and `encoding_format` is sent
 * only when you set it.
 *
 * The result type follows `encoding_format`: the API's `number[]` vectors for
 * `'float'` or no format, and `Float32Array` vectors for `'base64'`, decoded
 * from the base64 text in place (a response about a third the size of the float
 * one, and vectors that take 4 bytes a number). A `schema` option
 * validates the response as received, before decoding.
 *
 * @throws {ResponseParseError} when a base64 vector is not valid base64 or not a whole number of float32s.
 *
 * @example
 * import { createClient } from '@openai-micro/core';
 * import { createEmbedding, cosineSimilarity } from '@openai-micro/embeddings';
 *
 * const client = createClient({ apiKey: process.env.OPENAI_API_KEY });
 * const { data } = await createEmbedding(client, {
 *   model: 'text-embedding-3-small',
 *   input: ['The food was delicious', 'The meal was tasty'],
 *   encoding_format: 'base64',
 *   dimensions: 256,
 * });
 * console.log(cosineSimilarity(data[0]!.embedding, data[1]!.embedding)); // Float32Array vectors
 */
export function createEmbedding(
  client: Client,
  params: CreateEmbeddingParams & { encoding_format: 'base64' },
  options?: RequestOptions<CreateEmbeddingBase64Response>,
): Promise<CreateEmbeddingResponse<Float32Array>>;
export function createEmbedding(
  client: Client,
  params: CreateEmbeddingParams & { encoding_format?: 'float' | undefined },
  options?: RequestOptions<CreateEmbeddingResponse>,
): Promise<CreateEmbeddingResponse>;
export function createEmbedding(
  client: Client,
  params: CreateEmbeddingParams,
  options?: RequestOptions<CreateEmbeddingResponse | CreateEmbeddingBase64Response>,
): Promise<CreateEmbeddingResponse | CreateEmbeddingResponse<Float32Array>>;
export async function createEmbedding(
  client: Client,
  params: CreateEmbeddingParams,
  options?: RequestOptions<any>,
): Promise<CreateEmbeddingResponse | CreateEmbeddingResponse<Float32Array>> {
  // `request` with one step more: vectors are decoded where the response status is at hand.
  return executeRequest(client, { method: 'POST', path: '/embeddings', body: params, model: params.model }, options, {
    accept: 'application/json',
    streaming: false,
    async consume(attempt) {
      const response = (await parseJSONBody(attempt, await readBodyText(attempt.response, attempt.settings.maxResponseBytes), options?.schema)) as CreateEmbeddingResponse;
      return params.encoding_format === 'base64' ? decodeVectors(response, attempt.response.status) : response;
    },
  });
}
