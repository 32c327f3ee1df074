import { InputRejectedError } from '@openai-micro/core';
import type { Image } from './types.js';

/**
 * Decodes an image's base64 content (`b64_json`) into bytes, in any runtime.
 *
 * @example
 * const png = decodeImage(response.data[0]!.b64_json!);
 */
export function decodeImage(b64_json: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(b64_json.replace(/\s+/g, ''));
  } catch (cause) {
    throw new InputRejectedError(`"b64_json" is not valid base64: ${(cause as Error).message}`, 'b64_json');
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * The bytes of one generated image, for calls made with `response_format: 'b64_json'`.
 *
 * @example
 * const { data } = await createImage(client, { prompt: 'A lighthouse', response_format: 'b64_json' });
 * await writeFile('lighthouse.png', imageBytes(data[0]!));
 */
export function imageBytes(image: Image): Uint8Array {
  if (typeof image.b64_json !== 'string') {
    throw new InputRejectedError('This image has no "b64_json" content: ask for it with response_format: "b64_json" (a "url" image must be downloaded).', 'b64_json');
  }
  return decodeImage(image.b64_json);
}
