import type { Definition } from './definition.js';

/**
 * Keywords of {@link array}.
 *
 * @example
 * const keywords: ArrayKeywords = { description: 'Tags', minItems: 1, maxItems: 5, uniqueItems: true };
 */
export interface ArrayKeywords {
  description?: string;
  minItems?: number;
  maxItems?: number;
  [keyword: string]: unknown;
}

/**
 * An `array` JSON Schema whose items match `items`, for hand-written parameters.
 *
 * @example
 * array(string(), { description: 'City names', minItems: 1 });
 * // { type: 'array', items: { type: 'string' }, description: 'City names', minItems: 1 }
 */
export function array(items: Definition, keywords?: ArrayKeywords): Definition {
  return { type: 'array', items, ...keywords };
}
