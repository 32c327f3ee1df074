/**
 * Helpers of this package's tests (not exported by the package); what every
 * resource package's tests need is in `@openai-micro/tooling/test-client`.
 */
import { type Client, createClient } from '@openai-micro/core';
import { testClientOptions } from '@openai-micro/tooling/test-client';

/**
 * A client aimed at a loopback server, without retries so that every test sees exactly one request.
 *
 * @example
 * const client = testClient(server);
 */
export function testClient(server: { url: string }): Client {
  return createClient(testClientOptions(server));
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
