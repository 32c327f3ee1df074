import { Buffer } from 'node:buffer';

/**
 * The vector the server returns for an input: pseudo-random but derived only
 * from the text (or token ids) and the length, unit length, and exactly
 * representable as float32 so the JSON floats and the base64 bytes agree.
 * A shorter `dimensions` gives the re-normalized prefix of the longer vector,
 * like the text-embedding-3 models.
 *
 * @example
 * const expected = embeddingVector('hello', 8);
 * expect(response.data[0].embedding).toEqual(Array.from(expected));
 */
export function embeddingVector(input: string | readonly number[], dimensions = 1536): Float32Array {
  const text = typeof input === 'string' ? input : input.join(',');
  let state = hashText(text);
  const values = new Float64Array(dimensions);
  let sumOfSquares = 0;
  for (let index = 0; index < dimensions; index++) {
    state = (state + 0x6d2b79f5) | 0;
    const value = nextRandom(state) * 2 - 1;
    values[index] = value;
    sumOfSquares += value * value;
  }
  const norm = Math.sqrt(sumOfSquares) || 1;
  return Float32Array.from(values, (value) => value / norm);
}

/**
 * Encodes a vector the way the API does for `encoding_format: 'base64'`:
 * little-endian float32 bytes, base64.
 *
 * @example
 * const base64 = encodeEmbeddingBase64(new Float32Array([1.23, 4.56, 7.89])); // 'pHCdP4XrkUDhevxA'
 */
export function encodeEmbeddingBase64(vector: Float32Array): string {
  const bytes = Buffer.alloc(vector.length * 4);
  for (let index = 0; index < vector.length; index++) bytes.writeFloatLE(vector[index]!, index * 4);
  return bytes.toString('base64');
}

// FNV-1a over UTF-16 code units: tiny, fast, and stable across platforms.
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

// The output step of mulberry32, returning a float in [0, 1).
function nextRandom(state: number): number {
  let value = Math.imul(state ^ (state >>> 15), state | 1);
  value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
  return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
}
