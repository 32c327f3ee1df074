import { InputRejectedError } from '@openai-micro/core';
import { thrownBy } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { decodeEmbeddingBase64, floatsFromLittleEndianBytes } from './decode-embedding-base64.js';
import { base64FromFloats } from './test-helpers.js';

describe('decodeEmbeddingBase64', () => {
  it("decodes go-openai's test vectors as float32", () => {
    expect(Array.from(decodeEmbeddingBase64('pHCdP4XrkUDhevxA'))).toEqual([1.23, 4.56, 7.89].map(Math.fround));
    expect(Array.from(decodeEmbeddingBase64('/1jku0G/rLvA/EI8'))).toEqual([-0.006968617, -0.0052718227, 0.011901081].map(Math.fround));
  });

  it('views the one decoded buffer without copying it', () => {
    const floats = decodeEmbeddingBase64(base64FromFloats([1, 2, 3]));
    expect([floats.byteOffset, floats.buffer.byteLength]).toEqual([0, 12]);
  });

  it('accepts padded and unpadded text and the empty vector', () => {
    expect(Array.from(decodeEmbeddingBase64('AADAPw=='.slice(0, 6)))).toEqual([1.5]);
    expect(decodeEmbeddingBase64('AACAPwAAAEA=').length).toBe(2);
    expect(decodeEmbeddingBase64('').length).toBe(0);
  });

  it('reads little-endian bytes correctly on a big-endian platform and from an unaligned offset', () => {
    const source = Buffer.from(base64FromFloats([1.23, -4.5, 1e-30]), 'base64');
    const expected = [1.23, -4.5, 1e-30].map(Math.fround);
    expect(Array.from(floatsFromLittleEndianBytes(new Uint8Array(source), false))).toEqual(expected);
    const unaligned = new Uint8Array(source.length + 1).subarray(1);
    unaligned.set(source);
    expect(Array.from(floatsFromLittleEndianBytes(unaligned, true))).toEqual(expected);
  });

  it('decodes long vectors whole groups at a time, and names a bad character wherever it is', () => {
    const values = Array.from({ length: 1536 }, (_, index) => Math.fround(Math.sin(index) / 10));
    expect(Array.from(decodeEmbeddingBase64(base64FromFloats(values)))).toEqual(values);
    const text = base64FromFloats(values);
    for (const [position, character] of [[0, '*'], [4000, '\u00e9'], [text.length - 3, '-']] as const) {
      const broken = text.slice(0, position) + character + text.slice(position + 1);
      expect((thrownBy(() => decodeEmbeddingBase64(broken)) as Error).message).toContain(`unexpected character ${JSON.stringify(character)} at position ${position}`);
    }
  });

  it.each(['AAAAAAA=', 'AAAAA', 'AA=A', 'AAA===', 'AAAA AAA', 'AAAA-_AA'])('refuses %j with an InputRejectedError', (text) => {
    const failure = thrownBy(() => decodeEmbeddingBase64(text));
    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('embedding');
  });
});
