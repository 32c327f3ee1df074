/**
 * Writes a byte stream (speech audio) to a file on disk with backpressure and resolves
 * the number of bytes written; a partly written file is removed when the stream
 * fails. Node only, so it lives in this subpath and edge bundles never see node:fs.
 * It is core's `saveToFile`, re-exported here so this package's users find it.
 *
 * @example
 * import { saveToFile } from '@openai-micro/audio/node';
 * const bytes = await saveToFile(await createSpeech(client, { model: 'tts-1', input: 'Hello', voice: 'alloy' }), './hello.mp3');
 */
export { saveToFile } from '@openai-micro/core/node';
