import { type Client, createClient } from '@openai-micro/core';

/**
 * A client pointed at a loopback server's `/v1`, with a recognisable key and no retries.
 *
 * @example
 * const client = clientFor(server);
 */
export function clientFor(server: { url: string }): Client {
  return createClient({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, maxRetries: 0 });
}

/**
 * Encodes floats as the API's base64 embedding: little-endian float32, whatever the platform.
 *
 * @example
 * base64FromFloats([1.5, -2]); // 'AADAPwAAAMA='
 */
export function base64FromFloats(values: readonly number[]): string {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  for (const [index, value] of values.entries()) view.setFloat32(index * 4, value, true);
  return Buffer.from(view.buffer).toString('base64');
}
