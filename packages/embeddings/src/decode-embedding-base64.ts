import { InputRejectedError } from '@openai-micro/core';

let platformLittleEndian: boolean | undefined;

// Asked on first use rather than at import, so importing stays free of side effects.
function isPlatformLittleEndian(): boolean {
  platformLittleEndian ??= new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  return platformLittleEndian;
}

function sextet(code: number): number {
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 97 && code <= 122) return code - 71;
  if (code >= 48 && code <= 57) return code + 4;
  if (code === 43) return 62;
  if (code === 47) return 63;
  return -1;
}

function reject(reason: string): never {
  throw new InputRejectedError(`The embedding is not valid base64 float32 data: ${reason}.`, 'embedding');
}

// The sextet of every ASCII code, built on first use (nothing runs at import).
let sextetTable: Int8Array | undefined;

// Writes straight into one fresh buffer: no intermediate binary string as atob would make.
function decodeBase64(text: string): Uint8Array {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  const padding = text.length - end;
  if (padding > 2 || (padding > 0 && text.length % 4 !== 0)) reject('misplaced "=" padding');
  const remainder = end % 4;
  if (remainder === 1) reject(`${text.length} characters cannot encode whole bytes`);
  const bytes = new Uint8Array(Math.floor(end / 4) * 3 + (remainder === 0 ? 0 : remainder - 1));
  // Whole groups of four characters make three bytes at once, through a table
  // (several times faster than a character at a time); the tail, and a group
  // holding a character outside the alphabet, go through the loop below, which names it.
  sextetTable ??= Int8Array.from({ length: 128 }, (_, code) => sextet(code));
  const table = sextetTable;
  let written = 0;
  let position = 0;
  for (; position < end - remainder; position += 4) {
    const first = text.charCodeAt(position);
    const second = text.charCodeAt(position + 1);
    const third = text.charCodeAt(position + 2);
    const fourth = text.charCodeAt(position + 3);
    // A code beyond ASCII, or a -1 from the table anywhere, makes the group negative.
    const group = (first | second | third | fourth) > 127 ? -1 : (table[first]! << 18) | (table[second]! << 12) | (table[third]! << 6) | table[fourth]!;
    if (group < 0) break;
    bytes[written++] = group >> 16;
    bytes[written++] = group >> 8;
    bytes[written++] = group;
  }
  let accumulator = 0;
  let bits = 0;
  for (; position < end; position++) {
    const value = sextet(text.charCodeAt(position));
    if (value < 0) reject(`unexpected character ${JSON.stringify(text[position])} at position ${position}`);
    accumulator = ((accumulator << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[written++] = (accumulator >> bits) & 0xff;
    }
  }
  return bytes;
}

/**
 * Views little-endian float32 bytes as a Float32Array: the bytes' own buffer
 * when the platform is little-endian and the offset aligned, else a copy read
 * through a DataView. Internal; exported for tests of the big-endian path.
 *
 * @example
 * floatsFromLittleEndianBytes(new Uint8Array([0, 0, 128, 63]), true); // Float32Array [1]
 */
export function floatsFromLittleEndianBytes(bytes: Uint8Array, platformIsLittleEndian: boolean): Float32Array {
  if (bytes.byteLength % 4 !== 0) reject(`${bytes.byteLength} bytes is not a whole number of 4-byte floats`);
  const count = bytes.byteLength / 4;
  if (platformIsLittleEndian && bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const floats = new Float32Array(count);
  for (let index = 0; index < count; index++) floats[index] = view.getFloat32(index * 4, true);
  return floats;
}

/**
 * Decodes one base64 embedding, as the API sends it for `encoding_format:
 * 'base64'`, into a Float32Array (little-endian IEEE-754 float32, as
 * go-openai's `Base64Embedding` decoding). The base64 text is decoded once into
 * a fresh buffer that the array views directly on little-endian platforms;
 * big-endian platforms get a correctly byte-swapped copy. `createEmbedding`
 * calls it for you; use it for vectors you stored as base64 yourself.
 *
 * Unlike go-openai, which ignores trailing bytes, data whose length is not a
 * whole number of floats is refused.
 *
 * @throws {InputRejectedError} with `field: 'embedding'` for invalid base64 or a byte count not divisible by 4.
 *
 * @example
 * decodeEmbeddingBase64('pHCdP4XrkUDhevxA'); // Float32Array [1.23, 4.56, 7.89] (as float32)
 */
export function decodeEmbeddingBase64(text: string): Float32Array {
  return floatsFromLittleEndianBytes(decodeBase64(text), isPlatformLittleEndian());
}
