import { InputRejectedError } from '@openai-micro/core';

/**
 * Refuses two vectors of different lengths (go-openai `ErrVectorLengthMismatch`).
 * Internal to the vector helpers.
 *
 * @example
 * checkSameLength([1, 2], [3, 4]);
 */
export function checkSameLength(first: ArrayLike<number>, second: ArrayLike<number>): void {
  if (first.length !== second.length) {
    throw new InputRejectedError(
      `The vectors have different lengths (${first.length} and ${second.length}): compare embeddings made by the same model with the same dimensions.`,
      'vector',
    );
  }
}

/**
 * The dot product of two vectors of equal length (go-openai
 * `Embedding.DotProduct`). Works on `number[]` and `Float32Array` alike. It
 * sums in float64, so results can differ from go-openai's float32 sum in the
 * last digits. OpenAI embeddings have length 1, so this equals their cosine similarity.
 *
 * @throws {InputRejectedError} with `field: 'vector'` when the lengths differ.
 *
 * @example
 * dotProduct([1, 2, 3], [2, 4, 6]); // 28
 * const [first, second] = (await createEmbedding(client, { model, input: ['a', 'b'] })).data;
 * dotProduct(first!.embedding, second!.embedding);
 */
export function dotProduct(first: ArrayLike<number>, second: ArrayLike<number>): number {
  checkSameLength(first, second);
  let sum = 0;
  for (let index = 0; index < first.length; index++) sum += first[index]! * second[index]!;
  return sum;
}
