import { InputRejectedError } from '@openai-micro/core';
import { thrownBy } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { dotProduct } from './dot-product.js';

describe('dotProduct', () => {
  it("matches go-openai's cases on arrays and Float32Arrays", () => {
    expect(dotProduct([1, 2, 3], [2, 4, 6])).toBe(28);
    expect(dotProduct(new Float32Array([1, 2, 3]), [2, 4, 6])).toBe(28);
    expect(dotProduct([1, 0], [0, 1])).toBe(0);
    expect(dotProduct([], [])).toBe(0);
  });

  it('refuses vectors of different lengths (go-openai ErrVectorLengthMismatch)', () => {
    const failure = thrownBy(() => dotProduct([1, 2, 3], [1, 2]));
    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('vector');
    expect((failure as Error).message).toMatch(/different lengths \(3 and 2\)/);
  });
});
