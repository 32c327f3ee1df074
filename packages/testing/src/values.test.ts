import { describe, expect, it } from 'vitest';
import { embeddingVector, encodeEmbeddingBase64 } from './embedding-vector';
import { paginate } from './pagination';
import { rateLimitHeaders } from './rate-limit';
import { countTokens, splitIntoTokens } from './tokens';
import { maskKey } from './auth';
import { ReplyError } from './operation-errors';

describe('tokens', () => {
  it('splits text into pieces that join back into the text', () => {
    const text = '  Hello, world!  How are you?\n';
    expect(splitIntoTokens(text).join('')).toBe(text);
    expect(splitIntoTokens('Hello! How are you?')).toEqual(['Hello', '!', ' How', ' are', ' you', '?']);
    expect(countTokens('')).toBe(0);
  });
});

describe('embeddingVector', () => {
  it('is deterministic, unit length and float32-exact', () => {
    const vector = embeddingVector('hello', 64);
    expect(Array.from(vector)).toEqual(Array.from(embeddingVector('hello', 64)));
    expect(Array.from(vector)).not.toEqual(Array.from(embeddingVector('hello!', 64)));
    const length = Math.sqrt(vector.reduce((total, value) => total + value * value, 0));
    expect(length).toBeCloseTo(1, 5);
    for (const value of vector) expect(Math.fround(value)).toBe(value);
  });

  it('encodes little-endian float32 base64 like the API', () => {
    expect(encodeEmbeddingBase64(new Float32Array([1.23, 4.56, 7.89]))).toBe('pHCdP4XrkUDhevxA');
  });
});

describe('paginate', () => {
  const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));

  it('pages newest first by default with cursors', () => {
    expect(paginate(items, { limit: '2' })).toEqual({
      object: 'list',
      data: [{ id: 'e' }, { id: 'd' }],
      first_id: 'e',
      last_id: 'd',
      has_more: true,
    });
    expect(paginate(items, { limit: '2', after: 'd' }).data).toEqual([{ id: 'c' }, { id: 'b' }]);
    expect(paginate(items, { limit: '2', after: 'b' })).toMatchObject({ data: [{ id: 'a' }], has_more: false });
  });

  it('pages backwards with before, in either order', () => {
    expect(paginate(items, { order: 'asc', limit: '2', before: 'e' })).toMatchObject({
      data: [{ id: 'c' }, { id: 'd' }],
      has_more: true,
    });
    expect(paginate(items, { order: 'asc', limit: '2', before: 'c' })).toMatchObject({
      data: [{ id: 'a' }, { id: 'b' }],
      has_more: false,
    });
  });

  it('gives an empty page for an unknown cursor and refuses bad limits and orders', () => {
    expect(paginate(items, { after: 'zz' })).toMatchObject({ data: [], first_id: null, has_more: false });
    expect(() => paginate(items, { limit: '0' })).toThrow(ReplyError);
    expect(() => paginate(items, { limit: '101' })).toThrow(ReplyError);
    expect(() => paginate(items, { order: 'up' })).toThrow(ReplyError);
  });
});

describe('small helpers', () => {
  it('formats rate-limit headers', () => {
    expect(rateLimitHeaders({ limitRequests: 60, resetTokens: '6m0s' })).toEqual({
      'x-ratelimit-limit-requests': '60',
      'x-ratelimit-reset-tokens': '6m0s',
    });
  });

  it('masks keys', () => {
    expect(maskKey('sk-abcdefghijklmnop')).toBe('sk-************mnop');
    expect(maskKey('short')).toBe('*****');
  });
});
