import type { Definition } from './definition.js';

/**
 * Keywords of {@link string}.
 *
 * @example
 * const keywords: StringKeywords = { description: 'Temperature unit', enum: ['celsius', 'fahrenheit'] };
 */
export interface StringKeywords {
  description?: string;
  /** The only values allowed. */
  enum?: readonly string[];
  [keyword: string]: unknown;
}

/**
 * A `string` JSON Schema, for hand-written parameters.
 *
 * @example
 * string({ description: 'Temperature unit', enum: ['celsius', 'fahrenheit'] });
 * // { type: 'string', description: 'Temperature unit', enum: ['celsius', 'fahrenheit'] }
 */
export function string(keywords?: StringKeywords): Definition {
  return { type: 'string', ...keywords };
}
