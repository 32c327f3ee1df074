import { Buffer } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { MultipartError, multipartBoundary, parseMultipart } from './multipart';
import type { AzureRequestDetails, MultipartPart, RecordedRequest } from './types';

/**
 * Thrown when a request body grows past the server's `maxBodyBytes`.
 *
 * @example
 * await readRequestBody(request, 1024).catch((error) => error instanceof BodyTooLargeError);
 */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/**
 * Reads a request body as it streams in (fixed length or chunked), refusing
 * more than `limit` bytes.
 *
 * @example
 * const bytes = await readRequestBody(request, 64 * 1024 * 1024);
 */
export async function readRequestBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = chunk as Buffer;
    size += bytes.byteLength;
    if (size > limit) throw new BodyTooLargeError(`The request body is larger than ${limit} bytes`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
}

/**
 * What {@link recordRequest} needs besides the body.
 *
 * @example
 * const input: RecordInput = { sequence: 1, method: 'GET', url: '/v1/models', headers: {}, body, receivedAt: Date.now(),
 *   operationPath: '/v1/models', route: 'GET /v1/models', params: {}, azure: undefined };
 */
export interface RecordInput {
  sequence: number;
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  receivedAt: number;
  operationPath: string;
  route: string | undefined;
  params: Record<string, string>;
  azure: AzureRequestDetails | undefined;
}

/**
 * Builds the {@link RecordedRequest} tests assert on: decoded query, lower-case
 * headers, raw bytes, and the body parsed as JSON or multipart when it is one.
 *
 * @example
 * server.requests.push(recordRequest(input));
 */
export function recordRequest(input: RecordInput): RecordedRequest {
  const parsedUrl = splitRequestUrl(input.url);
  const headers = flattenHeaders(input.headers);
  const text = input.body.toString('utf8');
  const parts = parseParts(input.body, headers['content-type']);
  return {
    sequence: input.sequence,
    method: input.method,
    url: input.url,
    path: parsedUrl.pathname,
    operationPath: input.operationPath,
    route: input.route,
    params: input.params,
    query: Object.fromEntries(parsedUrl.searchParams),
    headers,
    body: new Uint8Array(input.body.buffer, input.body.byteOffset, input.body.byteLength),
    text,
    json: parts ? undefined : parseJson(text),
    parts,
    azure: input.azure,
    receivedAt: input.receivedAt,
  };
}

/**
 * Splits a request target into its path and query without resolving it as a
 * URL, so that a client's `//chat/completions` stays visible instead of
 * turning into a host name.
 *
 * @example
 * splitRequestUrl('/v1/files?purpose=fine-tune').searchParams.get('purpose'); // 'fine-tune'
 */
export function splitRequestUrl(url: string): { pathname: string; searchParams: URLSearchParams } {
  const question = url.indexOf('?');
  const pathname = question === -1 ? url : url.slice(0, question);
  return { pathname, searchParams: new URLSearchParams(question === -1 ? '' : url.slice(question + 1)) };
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function parseParts(body: Buffer, contentType: string | undefined): MultipartPart[] | undefined {
  if (!multipartBoundary(contentType)) return undefined;
  try {
    return parseMultipart(body, contentType!);
  } catch (error) {
    // A malformed form is recorded without parts; the operation answers 400.
    if (error instanceof MultipartError) return undefined;
    throw error;
  }
}

// Parsed whatever the Content-Type says, so that a test can notice a JSON body
// sent as text/plain by asserting on the header instead of losing the body.
function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
