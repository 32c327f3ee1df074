import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

/**
 * Writes a byte stream (a downloaded file, speech audio) to a file on disk
 * with backpressure, so the content never sits in memory whole, and resolves
 * the number of bytes written. A partly written file is removed when the
 * stream fails. Node only: import it from `@openai-micro/core/node` (also re-exported by the files and audio packages).
 *
 * @example
 * import { saveToFile } from '@openai-micro/core/node';
 * const bytes = await saveToFile(await downloadFile(client, { file_id: 'file-abc123' }), './results.jsonl');
 */
export async function saveToFile(stream: ReadableStream<Uint8Array>, path: string): Promise<number> {
  const output = createWriteStream(path);
  try {
    await pipeline(Readable.fromWeb(stream as NodeReadableStream<Uint8Array>), output);
  } catch (error) {
    await unlink(path).catch(() => {});
    throw error;
  }
  return output.bytesWritten;
}
