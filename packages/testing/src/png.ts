import { Buffer } from 'node:buffer';

/**
 * A valid 1x1 transparent PNG, the image every default image reply carries.
 *
 * @example
 * const bytes = tinyPng();
 * bytes.subarray(1, 4).toString(); // 'PNG'
 */
export function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
}
