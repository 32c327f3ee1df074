import { InputRejectedError } from '@openai-micro/core';
import { thrownBy } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { cosineSimilarity } from './cosine-similarity.js';

describe('cosineSimilarity', () => {
  it('measures the angle, whatever the lengths of the vectors', () => {
    expect(cosineSimilarity([1, 2], [2, 4])).toBeCloseTo(1, 12);
    expect(cosineSimilarity([1, 0], [0, 3])).toBe(0);
    expect(cosineSimilarity([1, 1], [-2, -2])).toBeCloseTo(-1, 12);
    expect(cosineSimilarity(new Float32Array([3, 4]), [4, 3])).toBeCloseTo(24 / 25, 6);
  });

  it('gives 0 for a zero vector', () => {
    expect(cosineSimilarity([0, 0], [1, 2])).toBe(0);
  });

  it('refuses vectors of different lengths (go-openai ErrVectorLengthMismatch)', () => {
    const failure = thrownBy(() => cosineSimilarity([1], [1, 2]));
    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('vector');
  });
});
