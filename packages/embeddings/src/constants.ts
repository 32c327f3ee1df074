/**
 * go-openai's embedding constants as `as const` objects (values for code) and
 * string-literal unions (types that still accept any string, where the API adds values).
 */
import type { OpenValues } from '@openai-micro/core';

/**
 * Embedding model ids (go-openai `AdaEmbeddingV2`, `SmallEmbedding3`,
 * `LargeEmbedding3`). go-openai's similarity and search models
 * (`text-similarity-*`, `text-search-*`, `code-search-*`) were shut down in
 * January 2024 and are left out; their ids are still accepted as strings.
 *
 * @example
 * await createEmbedding(client, { model: EmbeddingModel.SmallEmbedding3, input: 'hello' });
 */
export const EmbeddingModel = {
  AdaEmbeddingV2: 'text-embedding-ada-002',
  SmallEmbedding3: 'text-embedding-3-small',
  LargeEmbedding3: 'text-embedding-3-large',
} as const;
/**
 * An embedding model id: one of {@link EmbeddingModel}, or any other string.
 *
 * @example
 * const model: EmbeddingModel = process.env.EMBEDDING_MODEL ?? EmbeddingModel.SmallEmbedding3;
 */
export type EmbeddingModel = OpenValues<typeof EmbeddingModel>;

/**
 * Vector encodings (go-openai `EmbeddingEncodingFormatFloat`, `EmbeddingEncodingFormatBase64`).
 *
 * @example
 * const { data } = await createEmbedding(client, { model, input, encoding_format: EmbeddingEncodingFormat.Base64 });
 * data[0]?.embedding; // Float32Array
 */
export const EmbeddingEncodingFormat = {
  Float: 'float',
  Base64: 'base64',
} as const;
/**
 * An embedding encoding format: `'float'`, `'base64'`, or any other string.
 *
 * @example
 * const encoding_format: EmbeddingEncodingFormat = EmbeddingEncodingFormat.Float;
 */
export type EmbeddingEncodingFormat = OpenValues<typeof EmbeddingEncodingFormat>;
