import type { Definition } from './definition.js';
import type { NumberKeywords } from './number.js';

/**
 * An `integer` JSON Schema, for hand-written parameters.
 *
 * @example
 * integer({ description: 'How many days', minimum: 1 });
 * // { type: 'integer', description: 'How many days', minimum: 1 }
 */
export function integer(keywords?: NumberKeywords): Definition {
  return { type: 'integer', ...keywords };
}
