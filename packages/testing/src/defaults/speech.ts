import { Buffer } from 'node:buffer';
import { binaryReply } from '../replies';
import { countTokens } from '../tokens';
import { boundedNumber, jsonBody, type Operation, oneOf, requireString } from './context';

/**
 * `POST /v1/audio/speech`: audio bytes streamed in chunks, with the
 * Content-Type of `response_format`. `wav` and `pcm` are real silence,
 * `mp3` is silent MPEG frames, the others begin with their format's magic.
 * Longer input gives longer audio.
 *
 * @example
 * routes.push({ route: 'POST /v1/audio/speech', operation: createSpeech });
 */
export const createSpeech: Operation = (context) => {
  const body = jsonBody(context);
  requireString(body, 'model');
  requireString(body, 'voice');
  const input = requireString(body, 'input');
  boundedNumber(body, 'speed', 0.25, 4);
  const format = oneOf(body, 'response_format', ['mp3', 'opus', 'aac', 'flac', 'wav', 'pcm'] as const) ?? 'mp3';
  return binaryReply(speechAudio(format, countTokens(input)), {
    contentType: format === 'mp3' ? 'audio/mpeg' : `audio/${format}`,
    chunkSize: 4096,
    chunkDelay: context.settings.chunkDelay,
  });
};

const sampleRate = 24_000;

/**
 * Audio bytes for `tokens` tokens of speech (a twentieth of a second each).
 *
 * @example
 * speechAudio('wav', 10).subarray(0, 4).toString(); // 'RIFF'
 */
export function speechAudio(format: string, tokens: number): Buffer {
  const samples = Math.max(1, tokens) * (sampleRate / 20);
  switch (format) {
    case 'pcm':
      return Buffer.alloc(samples * 2);
    case 'wav':
      return Buffer.concat([wavHeader(samples * 2), Buffer.alloc(samples * 2)]);
    case 'mp3':
      return Buffer.concat(Array.from({ length: Math.max(2, tokens * 2) }, silentMp3Frame));
    default: {
      const magic = { opus: 'OggS', aac: '\xff\xf1', flac: 'fLaC' }[format] ?? '';
      return Buffer.concat([Buffer.from(magic, 'latin1'), Buffer.alloc(samples / 4)]);
    }
  }
}

function wavHeader(dataBytes: number): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

// MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417-byte frames; all-zero side
// information decodes as silence.
function silentMp3Frame(): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return frame;
}
