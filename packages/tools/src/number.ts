import type { Definition } from './definition.js';

/**
 * Keywords of {@link number} and {@link integer}.
 *
 * @example
 * const keywords: NumberKeywords = { description: 'Temperature in °C', minimum: -90, maximum: 60 };
 */
export interface NumberKeywords {
  description?: string;
  /** The only values allowed. */
  enum?: readonly number[];
  minimum?: number;
  maximum?: number;
  [keyword: string]: unknown;
}

/**
 * A `number` JSON Schema, for hand-written parameters.
 *
 * @example
 * number({ description: 'Latitude', minimum: -90, maximum: 90 });
 * // { type: 'number', description: 'Latitude', minimum: -90, maximum: 90 }
 */
export function number(keywords?: NumberKeywords): Definition {
  return { type: 'number', ...keywords };
}
