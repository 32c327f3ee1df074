import { InputRejectedError } from './errors.js';
import type { TransportRequest, TransportResponse } from './transport.js';

/**
 * The fetch transport: used on every runtime but Node, and on Node when the
 * caller passes `fetch`. Redirects are handled by core, so fetch must not follow them.
 *
 * @example
 * const response = await send({ url, method: 'GET', headers: {}, body: undefined, signal, fetch: undefined, dispatcher: undefined });
 */
export async function send(request: TransportRequest): Promise<TransportResponse> {
  const fetchFunction = request.fetch ?? fetch;
  const init: RequestInit & { duplex?: 'half' } = {
    method: request.method,
    headers: request.headers,
    body: request.body as BodyInit | undefined,
    signal: request.signal,
    redirect: 'manual',
  };
  if (request.body instanceof ReadableStream) init.duplex = 'half';
  const response = await fetchFunction(request.url, init);
  // Browsers hide manual redirects behind an opaque response with status 0.
  const status = response.type === 'opaqueredirect' ? 0 : response.status;
  const reader = response.body?.getReader();
  return {
    status,
    headers: response.headers,
    async read() {
      if (!reader) return undefined;
      const { done, value } = await reader.read();
      return done ? undefined : value;
    },
    cancel() {
      reader?.cancel().catch(() => {});
    },
  };
}

/**
 * File paths need a file system; outside Node the caller passes a Blob, bytes or a stream.
 *
 * @example
 * await openFile('data.jsonl'); // throws InputRejectedError outside Node
 */
export async function openFile(path: string, field = 'file'): Promise<Blob> {
  throw new InputRejectedError(`A file path ("${path}") can only be read on Node; pass a Blob, File, bytes or a ReadableStream with a file name instead.`, field);
}

/** The transport's name, reported in response metadata. */
export const name = 'fetch' as const;
