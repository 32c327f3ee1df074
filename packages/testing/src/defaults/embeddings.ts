import { embeddingVector, encodeEmbeddingBase64 } from '../embedding-vector';
import { invalidRequest } from '../operation-errors';
import { jsonReply } from '../replies';
import { countTokens } from '../tokens';
import { modelOf } from './chat';
import { boundedNumber, jsonBody, type Operation, oneOf } from './context';

/**
 * `POST /v1/embeddings`: one deterministic unit vector per input (see
 * `embeddingVector`), as floats or, with `encoding_format: 'base64'`, as
 * little-endian float32 bytes; `dimensions` shortens the vectors.
 *
 * @example
 * routes.push({ route: 'POST /v1/embeddings', operation: createEmbedding });
 */
export const createEmbedding: Operation = (context) => {
  const body = jsonBody(context);
  const model = modelOf(body, context);
  const inputs = embeddingInputs(body.input);
  const format = oneOf(body, 'encoding_format', ['float', 'base64'] as const) ?? 'float';
  const requested = boundedNumber(body, 'dimensions', 1, 3072);
  if (requested !== undefined && model.startsWith('text-embedding-ada')) {
    throw invalidRequest('This model does not support specifying dimensions.', 'dimensions');
  }
  const dimensions = requested ?? (model.includes('3-large') ? 3072 : 1536);
  const promptTokens = inputs.reduce<number>(
    (total, input) => total + (typeof input === 'string' ? countTokens(input) : input.length),
    0,
  );
  return jsonReply({
    object: 'list',
    data: inputs.map((input, index) => {
      const vector = embeddingVector(input, dimensions);
      return {
        object: 'embedding',
        index,
        embedding: format === 'base64' ? encodeEmbeddingBase64(vector) : Array.from(vector),
      };
    }),
    model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  });
};

function embeddingInputs(input: unknown): Array<string | number[]> {
  if (typeof input === 'string') return [input];
  if (Array.isArray(input) && input.length > 0) {
    if (input.every((item) => typeof item === 'number')) return [input as number[]];
    if (input.every((item) => typeof item === 'string' || Array.isArray(item))) return input as Array<string | number[]>;
  }
  if (input === undefined) throw invalidRequest('you must provide an input parameter', 'input');
  throw invalidRequest("'input' must be a string, an array of strings, or an array of token arrays.", 'input');
}
