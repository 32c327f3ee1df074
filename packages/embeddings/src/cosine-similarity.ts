import { checkSameLength } from './dot-product.js';

/**
 * The cosine similarity of two vectors of equal length, from -1 to 1. Works
 * on `number[]` and `Float32Array` alike. A vector of zeros has no direction,
 * so its similarity to anything is 0 (rather than NaN, which would silently
 * break sorting).
 *
 * @throws {InputRejectedError} with `field: 'vector'` when the lengths differ.
 *
 * @example
 * cosineSimilarity([1, 0], [0, 1]); // 0
 * cosineSimilarity([1, 2], [2, 4]); // 1
 */
export function cosineSimilarity(first: ArrayLike<number>, second: ArrayLike<number>): number {
  checkSameLength(first, second);
  let product = 0;
  let firstNorm = 0;
  let secondNorm = 0;
  for (let index = 0; index < first.length; index++) {
    const firstValue = first[index]!;
    const secondValue = second[index]!;
    product += firstValue * secondValue;
    firstNorm += firstValue * firstValue;
    secondNorm += secondValue * secondValue;
  }
  if (firstNorm === 0 || secondNorm === 0) return 0;
  return product / Math.sqrt(firstNorm * secondNorm);
}
