export { EmbeddingEncodingFormat, EmbeddingModel } from './constants.js';
export { cosineSimilarity } from './cosine-similarity.js';
export { type CreateEmbeddingBase64Response, type CreateEmbeddingParams, createEmbedding } from './create-embedding.js';
export { decodeEmbeddingBase64 } from './decode-embedding-base64.js';
export { dotProduct } from './dot-product.js';
export type { CreateEmbeddingRequest, CreateEmbeddingResponse, Embedding, EmbeddingInput, EmbeddingUsage } from './types.js';
