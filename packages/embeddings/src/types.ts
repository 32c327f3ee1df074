/**
 * Request and response types of the embeddings endpoint, named after the
 * spec's schemas (CreateEmbeddingRequest, CreateEmbeddingResponse, Embedding).
 */
import type { OpenString } from '@openai-micro/core';
import type { EmbeddingEncodingFormat, EmbeddingModel } from './constants.js';

/**
 * What to embed: one string, several strings, one token array, or several
 * token arrays (go-openai's EmbeddingRequest, EmbeddingRequestStrings and
 * EmbeddingRequestTokens in one type).
 */
export type EmbeddingInput = string | readonly string[] | readonly number[] | readonly (readonly number[])[];

/** The body of an embeddings request (the spec's CreateEmbeddingRequest). */
export interface CreateEmbeddingRequest {
  input: EmbeddingInput;
  model: OpenString<EmbeddingModel>;
  /** `'float'` (the API's default) returns `number[]` vectors; `'base64'` returns smaller bodies, decoded here into `Float32Array`s. */
  encoding_format?: OpenString<EmbeddingEncodingFormat>;
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
 */
export interface Embedding<Vector = number[]> {
  index: number;
  object: 'embedding';
  embedding: Vector;
}

/** Token counts of an embeddings request. */
export interface EmbeddingUsage {
  prompt_tokens: number;
  total_tokens: number;
  [field: string]: unknown;
}

/** The answer to an embeddings request (the spec's CreateEmbeddingResponse). */
export interface CreateEmbeddingResponse<Vector = number[]> {
  object: 'list';
  model: string;
  data: Embedding<Vector>[];
  usage: EmbeddingUsage;
}
