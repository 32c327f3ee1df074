/**
 * Request and response types of the embeddings endpoint, named after the
 * spec's schemas (CreateEmbeddingRequest, CreateEmbeddingResponse, Embedding).
 */
import type { EmbeddingEncodingFormat, EmbeddingModel } from './constants.js';

/**
 * What to embed: one string, several strings, one token array, or several
 * token arrays (go-openai's EmbeddingRequest, EmbeddingRequestStrings and
 * EmbeddingRequestTokens in one type).
 *
 * @example
 * const inputs: EmbeddingInput[] = ['hello', ['hello', 'world'], [15339, 1917], [[15339], [1917]]];
 */
export type EmbeddingInput = string | readonly string[] | readonly number[] | readonly (readonly number[])[];

/**
 * The body of an embeddings request (the spec's CreateEmbeddingRequest).
 *
 * @example
 * const request: CreateEmbeddingRequest = { model: 'text-embedding-3-large', input: 'hello', encoding_format: 'base64', dimensions: 1024, user: 'user-42' };
 */
export interface CreateEmbeddingRequest {
  input: EmbeddingInput;
  model: EmbeddingModel;
  /** `'float'` (the API's default) returns `number[]` vectors; `'base64'` returns smaller bodies, decoded here into `Float32Array`s. */
  encoding_format?: EmbeddingEncodingFormat;
  /** Output size; only `text-embedding-3` and later models accept it. */
  dimensions?: number;
  /** A stable id of your end user, which helps OpenAI detect abuse. */
  user?: string;
  /** Fields newer than these types pass through as given. */
  [field: string]: unknown;
}

/**
 * One embedding vector (the spec's Embedding). `Vector` is `number[]` for the
 * float format and `Float32Array` for the base64 format.
 *
 * @example
 * const byIndex = (items: Embedding<Float32Array>[]) => [...items].sort((left, right) => left.index - right.index).map((item) => item.embedding);
 */
export interface Embedding<Vector = number[]> {
  index: number;
  object: 'embedding';
  embedding: Vector;
}

/**
 * Token counts of an embeddings request.
 *
 * @example
 * const usage: EmbeddingUsage = (await createEmbedding(client, params)).usage;
 * console.log(usage.prompt_tokens);
 */
export interface EmbeddingUsage {
  prompt_tokens: number;
  total_tokens: number;
  [field: string]: unknown;
}

/**
 * The answer to an embeddings request (the spec's CreateEmbeddingResponse);
 * `Vector` follows `encoding_format` as {@link Embedding} says.
 *
 * @example
 * const response: CreateEmbeddingResponse = await createEmbedding(client, { model: 'text-embedding-3-small', input: ['a', 'b'] });
 * const vectors: number[][] = response.data.map((item) => item.embedding);
 */
export interface CreateEmbeddingResponse<Vector = number[]> {
  object: 'list';
  model: string;
  data: Embedding<Vector>[];
  usage: EmbeddingUsage;
}
