import { describe, expect, it } from 'vitest';
import { MultipartError, multipartBoundary, parseHeaderValue, parseMultipart } from './multipart';

const encoder = new TextEncoder();

function body(...chunks: Array<string | Uint8Array>): Uint8Array {
  const parts = chunks.map((chunk) => (typeof chunk === 'string' ? encoder.encode(chunk) : chunk));
  const result = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

describe('parseMultipart', () => {
  it('reads fields and files with their bytes, names and types', () => {
    const bytes = new Uint8Array([0, 13, 10, 45, 45, 255]);
    const parts = parseMultipart(
      body(
        'preamble\r\n--XyZ\r\n',
        'Content-Disposition: form-data; name="purpose"\r\n\r\nfine-tune\r\n',
        '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="data \\"1\\".bin"\r\n',
        'Content-Type: application/octet-stream\r\n\r\n',
        bytes,
        '\r\n--XyZ--\r\nepilogue',
      ),
      'multipart/form-data; boundary=XyZ',
    );
    expect(parts.map((part) => [part.name, part.filename, part.contentType, part.text])).toEqual([
      ['purpose', undefined, undefined, 'fine-tune'],
      ['file', 'data "1".bin', 'application/octet-stream', new TextDecoder().decode(bytes)],
    ]);
    expect(parts[1]!.data).toEqual(bytes);
    expect(parts[1]!.headers['content-disposition']).toContain('form-data');
  });

  it('accepts bare LF line breaks, empty parts and RFC 5987 file names', () => {
    const parts = parseMultipart(
      body(
        '--b\nContent-Disposition: form-data; name="empty"\n\n\n',
        "--b\nContent-Disposition: form-data; name=file; filename*=UTF-8''%E2%82%AC%20rates.csv\n\na,b\n",
        '--b--\n',
      ),
      'multipart/form-data; boundary="b"',
    );
    expect(parts.map((part) => [part.name, part.filename, part.text])).toEqual([
      ['empty', undefined, ''],
      ['file', '€ rates.csv', 'a,b'],
    ]);
  });

  it('throws on a body that ends before its closing boundary or has no names', () => {
    expect(() => parseMultipart(body('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx'), 'multipart/form-data; boundary=b')).toThrow(
      MultipartError,
    );
    expect(() => parseMultipart(body('--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--'), 'multipart/form-data; boundary=b')).toThrow(
      MultipartError,
    );
    expect(() => parseMultipart(body('nothing'), 'multipart/form-data; boundary=b')).toThrow(MultipartError);
  });

  it('finds the boundary only in multipart/form-data types', () => {
    expect(multipartBoundary('multipart/form-data; boundary=----formdata-undici-1')).toBe('----formdata-undici-1');
    expect(multipartBoundary('application/json')).toBeUndefined();
    expect(multipartBoundary(undefined)).toBeUndefined();
  });

  it('parses header parameters with quotes, semicolons and bare flags', () => {
    expect(parseHeaderValue('form-data; flag; name="a;b"; filename=plain.txt')).toEqual({
      value: 'form-data',
      parameters: { name: 'a;b', filename: 'plain.txt' },
    });
  });
});
