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
  // The request is a RequestInit already; fetch ignores the members it does not know.
  const response = await (request.fetch ?? fetch)(request.url, {
    ...(request as RequestInit),
    redirect: 'manual',
    // Required by fetch for a streamed request body.
    ...(request.body instanceof ReadableStream && { duplex: 'half' }),
  });
  const reader = response.body?.getReader();
  return {
    // Browsers hide manual redirects behind an opaque response with status 0.
    status: response.type === 'opaqueredirect' ? 0 : response.status,
    headers: response.headers,
    async read() {
      const chunk = await reader?.read();
      return chunk?.done ? undefined : chunk?.value;
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
