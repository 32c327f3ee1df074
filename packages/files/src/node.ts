/**
 * Writes a byte stream (a downloaded file) to a file on disk with backpressure and resolves
 * the number of bytes written; a partly written file is removed when the stream
 * fails. Node only, so it lives in this subpath and edge bundles never see node:fs.
 * It is core's `saveToFile`, re-exported here so this package's users find it.
 *
 * @example
 * import { saveToFile } from '@openai-micro/files/node';
 * const bytes = await saveToFile(await downloadFile(client, { file_id: 'file-abc123' }), './results.jsonl');
 */
export { saveToFile } from '@openai-micro/core/node';
