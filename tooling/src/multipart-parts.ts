/**
 * What upload tests share: the multipart parts a loopback server received,
 * parsed by the platform's own multipart parser, and a one-shot stream to
 * upload (a body that cannot be sent twice).
 *
 * @example
 * import { oneShotStream, receivedParts } from '@openai-micro/tooling/multipart-parts';
 *
 * await createFile(client, { file: { data: oneShotStream(bytes), name: 'a.jsonl' }, purpose: 'batch' });
 * expect(await receivedParts(server.requests[0]!)).toEqual([
 *   { name: 'purpose', value: 'batch' },
 *   { name: 'file', value: { filename: 'a.jsonl', type: 'application/jsonl', bytes } },
 * ]);
 *
 * @module
 */

/**
 * One multipart part as the server received it: a text field's value, or a
 * file part's file name, content type and exact bytes.
 *
 * @example
 * const part: ReceivedPart = { name: 'file', value: { filename: 'cat.png', type: 'image/png', bytes } };
 */
export interface ReceivedPart {
  name: string;
  value: string | { filename: string; type: string; bytes: Uint8Array };
}

/**
 * The multipart parts of a recorded request, in the order they were sent,
 * parsed by `Response.formData()` so that a malformed body fails the test.
 *
 * @example
 * const parts = await receivedParts(server.requests[0]!);
 * expect(parts.map((part) => part.name)).toEqual(['model', 'file']);
 */
export async function receivedParts(request: { headers: Record<string, string | string[] | undefined>; body: Uint8Array }): Promise<ReceivedPart[]> {
  const contentType = String(request.headers['content-type']);
  const form = await new Response(new Uint8Array(request.body), { headers: { 'content-type': contentType } }).formData();
  const parts: ReceivedPart[] = [];
  for (const [name, value] of form) {
    parts.push({
      name,
      value: typeof value === 'string' ? value : { filename: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) },
    });
  }
  return parts;
}

/**
 * A ReadableStream that yields `chunks` once and closes: an upload made from
 * it cannot be replayed, so clients must never retry it.
 *
 * @example
 * const stream = oneShotStream(bytes.slice(0, 4), bytes.slice(4));
 */
export function oneShotStream(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}
