import type { Definition } from './definition.js';

/**
 * A `boolean` JSON Schema, for hand-written parameters.
 *
 * @example
 * boolean({ description: 'Include the forecast' });
 * // { type: 'boolean', description: 'Include the forecast' }
 */
export function boolean(keywords?: { description?: string; [keyword: string]: unknown }): Definition {
  return { type: 'boolean', ...keywords };
}
