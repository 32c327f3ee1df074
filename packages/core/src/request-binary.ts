import type { Client } from './client.js';
import { TimeoutError } from './errors.js';
import { IterableStream } from './iterable-stream.js';
import { attachResponseMetadata } from './metadata.js';
import { type Attempt, executeRequest, type OperationRequest, type RequestOptions } from './request.js';

/**
 * A binary response body (speech audio, file content) as a byte stream read
 * from the network as it is consumed, never buffered whole unless asked.
 * Bounded by `streamIdleTimeout`: no bytes for that long ends it with a TimeoutError.
 *
 * @example
 * const audio = await createSpeech(client, { model: 'tts-1', input: 'Hello', voice: 'alloy' });
 * for await (const bytes of audio) output.write(bytes);
 */
export class BinaryStream extends IterableStream<Uint8Array> {
  /** The response's Content-Type. */
  declare readonly contentType: string;

  /**
   * Reads the whole body into one array.
   *
   * @example
   * const bytes = await (await downloadFile(client, { file_id })).bytes();
   */
  async bytes(): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of this) {
      chunks.push(chunk);
      size += chunk.byteLength;
    }
    const result = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      result.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return result;
  }

  /**
   * Reads the whole body as UTF-8 text.
   *
   * @example
   * const jsonl = await (await downloadFile(client, { file_id })).text();
   */
  async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes());
  }
}

/**
 * Wraps a successful response's body as a {@link BinaryStream}, switching from
 * the per-attempt timeout to the idle timeout.
 *
 * @example
 * consume: (attempt) => Promise.resolve(openBinaryStream(attempt))
 */
export function openBinaryStream(attempt: Attempt): BinaryStream {
  const { response, settings, controller } = attempt;
  attempt.stopRequestTimer();
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const close = () => {
    clearTimeout(idleTimer);
    attempt.release();
  };
  const stream = new BinaryStream(
    {
      async pull(streamController) {
        idleTimer = setTimeout(() => controller.abort(new TimeoutError('streamIdle', settings.streamIdleTimeout)), settings.streamIdleTimeout);
        try {
          const bytes = await response.read();
          clearTimeout(idleTimer);
          if (bytes) streamController.enqueue(bytes);
          else {
            close();
            streamController.close();
          }
        } catch (error) {
          close();
          streamController.error(attempt.failure(error));
        }
      },
      cancel(reason) {
        close();
        controller.abort(reason);
        response.cancel();
      },
    },
    { highWaterMark: 0 },
  );
  Object.defineProperty(stream, 'contentType', { value: response.headers.get('content-type') ?? 'application/octet-stream' });
  return attachResponseMetadata(stream, response.status, response.headers, attempt.transportName);
}

/**
 * Sends an operation whose response is binary and resolves a {@link BinaryStream}
 * as soon as the headers arrive.
 *
 * @example
 * const content = await requestBinary(client, { method: 'GET', path: pathFor('/files/{file_id}/content', params) });
 */
export function requestBinary(client: Client, operation: OperationRequest, options?: RequestOptions): Promise<BinaryStream> {
  return executeRequest(client, operation, options, {
    accept: 'application/octet-stream, */*',
    streaming: true,
    consume: async (attempt) => openBinaryStream(attempt),
  });
}
