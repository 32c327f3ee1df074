import { Buffer } from 'node:buffer';
import type { MultipartPart } from './types';

/**
 * Thrown when a body claims to be `multipart/form-data` but cannot be read as one.
 *
 * @example
 * try { parseMultipart(bytes, contentType); } catch (error) { if (error instanceof MultipartError) ... }
 */
export class MultipartError extends Error {
  override name = 'MultipartError';
}

/**
 * The `boundary` parameter of a `multipart/form-data` Content-Type, or undefined
 * when the type is something else.
 *
 * @example
 * multipartBoundary('multipart/form-data; boundary="abc"'); // 'abc'
 */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const { value, parameters } = parseHeaderValue(contentType);
  if (value.toLowerCase() !== 'multipart/form-data') return undefined;
  return parameters.boundary || undefined;
}

/**
 * Splits a `multipart/form-data` body into its parts (RFC 7578). Accepts CRLF
 * line breaks as the RFC asks and bare LF as lenient servers do; throws
 * {@link MultipartError} on a body without its closing delimiter.
 *
 * @example
 * const parts = parseMultipart(request.body, 'multipart/form-data; boundary=xyz');
 * parts.map((part) => [part.name, part.filename]);
 */
export function parseMultipart(body: Uint8Array, contentType: string): MultipartPart[] {
  const boundary = multipartBoundary(contentType);
  if (!boundary) throw new MultipartError('The Content-Type has no multipart boundary');
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  let position = buffer.indexOf(delimiter);
  if (position === -1) throw new MultipartError('The body does not contain its boundary');
  const parts: MultipartPart[] = [];
  for (;;) {
    position += delimiter.length;
    if (buffer[position] === 0x2d && buffer[position + 1] === 0x2d) return parts;
    position = skipLineEnd(buffer, position);
    const { headers, contentStart } = readPartHeaders(buffer, position);
    const next = findNextDelimiter(buffer, delimiter, contentStart);
    parts.push(makePart(headers, buffer.subarray(contentStart, next.contentEnd)));
    position = next.delimiterStart;
  }
}

// RFC 2046 allows spaces and tabs ("transport padding") after a delimiter.
function skipLineEnd(buffer: Buffer, position: number): number {
  while (buffer[position] === 0x20 || buffer[position] === 0x09) position++;
  if (buffer[position] === 0x0d) position++;
  if (buffer[position] !== 0x0a) throw new MultipartError('A boundary line does not end with a line break');
  return position + 1;
}

function readPartHeaders(buffer: Buffer, position: number): { headers: Record<string, string>; contentStart: number } {
  // A part without headers starts its content right after the delimiter line.
  if (buffer[position] === 0x0d && buffer[position + 1] === 0x0a) return { headers: {}, contentStart: position + 2 };
  if (buffer[position] === 0x0a) return { headers: {}, contentStart: position + 1 };
  let end = buffer.indexOf('\r\n\r\n', position, 'latin1');
  let separatorLength = 4;
  const bareEnd = buffer.indexOf('\n\n', position, 'latin1');
  if (end === -1 || (bareEnd !== -1 && bareEnd < end)) {
    end = bareEnd;
    separatorLength = 2;
  }
  if (end === -1) throw new MultipartError('A part has no end of headers');
  const headers: Record<string, string> = {};
  for (const line of buffer.subarray(position, end).toString('utf8').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, contentStart: end + separatorLength };
}

function findNextDelimiter(
  buffer: Buffer,
  delimiter: Buffer,
  from: number,
): { contentEnd: number; delimiterStart: number } {
  const crlf = buffer.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), from);
  const lf = buffer.indexOf(Buffer.concat([Buffer.from('\n'), delimiter]), from);
  if (crlf !== -1 && (lf === -1 || crlf <= lf)) return { contentEnd: crlf, delimiterStart: crlf + 2 };
  if (lf !== -1) return { contentEnd: lf, delimiterStart: lf + 1 };
  throw new MultipartError('The body ends before its closing boundary');
}

function makePart(headers: Record<string, string>, content: Buffer): MultipartPart {
  const disposition = parseHeaderValue(headers['content-disposition'] ?? '');
  if (disposition.value.toLowerCase() !== 'form-data' || disposition.parameters.name === undefined) {
    throw new MultipartError('A part has no Content-Disposition: form-data with a name');
  }
  const data = new Uint8Array(content.byteLength);
  data.set(content);
  return {
    name: disposition.parameters.name,
    filename: disposition.parameters['filename*'] ?? disposition.parameters.filename,
    contentType: headers['content-type'],
    headers,
    data,
    text: content.toString('utf8'),
  };
}

/**
 * Splits a header such as `form-data; name="file"; filename="a.txt"` into its
 * value and parameters. Quoted strings may contain `;` and backslash escapes;
 * an RFC 5987 `name*=UTF-8''...` parameter is percent-decoded.
 *
 * @example
 * parseHeaderValue('form-data; name="file"; filename="a b.txt"').parameters.filename; // 'a b.txt'
 */
export function parseHeaderValue(header: string): { value: string; parameters: Record<string, string> } {
  const semicolon = header.indexOf(';');
  const value = (semicolon === -1 ? header : header.slice(0, semicolon)).trim();
  const parameters: Record<string, string> = {};
  let position = semicolon === -1 ? header.length : semicolon + 1;
  while (position < header.length) {
    const equals = header.indexOf('=', position);
    if (equals === -1) break;
    // A bare flag before the next `name=value` (`form-data; flag; name="x"`) is not part of the key.
    const key = (header.slice(position, equals).split(';').pop() ?? '').trim().toLowerCase();
    const read = readParameterValue(header, equals + 1);
    if (key) parameters[key] = key.endsWith('*') ? decodeExtendedValue(read.value) : read.value;
    position = read.end;
  }
  return { value, parameters };
}

function readParameterValue(header: string, start: number): { value: string; end: number } {
  let position = start;
  while (header[position] === ' ') position++;
  if (header[position] !== '"') {
    const end = header.indexOf(';', position);
    const stop = end === -1 ? header.length : end;
    return { value: header.slice(position, stop).trim(), end: stop + 1 };
  }
  let value = '';
  position++;
  while (position < header.length && header[position] !== '"') {
    if (header[position] === '\\' && position + 1 < header.length) position++;
    value += header[position];
    position++;
  }
  const end = header.indexOf(';', position);
  return { value, end: end === -1 ? header.length : end + 1 };
}

function decodeExtendedValue(value: string): string {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!match) return value;
  try {
    return decodeURIComponent(match[2]!);
  } catch {
    return match[2]!;
  }
}
