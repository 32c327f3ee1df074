import { InputRejectedError } from '@openai-micro/core';
import { describe, expect, it } from 'vitest';
import { cosineSimilarity } from './cosine-similarity.js';
import { dotProduct } from './dot-product.js';

function failureOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('dotProduct', () => {
  it("matches go-openai's cases on arrays and Float32Arrays", () => {
    expect(dotProduct([1, 2, 3], [2, 4, 6])).toBe(28);
    expect(dotProduct(new Float32Array([1, 2, 3]), [2, 4, 6])).toBe(28);
    expect(dotProduct([1, 0], [0, 1])).toBe(0);
    expect(dotProduct([], [])).toBe(0);
  });

  it('refuses vectors of different lengths', () => {
    const failure = failureOf(() => dotProduct([1, 2, 3], [1, 2]));
    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('vector');
    expect((failure as Error).message).toMatch(/different lengths \(3 and 2\)/);
  });
});

describe('cosineSimilarity', () => {
  it('measures the angle, whatever the lengths of the vectors', () => {
    expect(cosineSimilarity([1, 2], [2, 4])).toBeCloseTo(1, 12);
    expect(cosineSimilarity([1, 0], [0, 3])).toBe(0);
    expect(cosineSimilarity([1, 1], [-2, -2])).toBeCloseTo(-1, 12);
    expect(cosineSimilarity(new Float32Array([3, 4]), [4, 3])).toBeCloseTo(24 / 25, 6);
  });

  it('gives 0 for a zero vector and refuses different lengths', () => {
    expect(cosineSimilarity([0, 0], [1, 2])).toBe(0);
    expect(InputRejectedError.isInstance(failureOf(() => cosineSimilarity([1], [1, 2])))).toBe(true);
  });
});
