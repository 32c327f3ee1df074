import type { Definition } from './definition.js';

/**
 * Keywords of {@link object}; `required` may only name the object's properties.
 *
 * @example
 * const keywords: ObjectKeywords<'city' | 'unit'> = { required: ['city'], additionalProperties: false };
 */
export interface ObjectKeywords<Name extends string = string> {
  description?: string;
  /** The properties the model must always send. */
  required?: readonly Name[];
  /** `false` refuses unknown properties (required by OpenAI's `strict: true`). */
  additionalProperties?: boolean | Definition;
  [keyword: string]: unknown;
}

/**
 * An `object` JSON Schema with the given properties, for hand-written parameters.
 *
 * @example
 * const parameters = object(
 *   { city: string({ description: 'A city name' }), unit: string({ enum: ['celsius', 'fahrenheit'] }) },
 *   { required: ['city'] },
 * );
 * // { type: 'object', properties: { city: {...}, unit: {...} }, required: ['city'] }
 */
export function object<Properties extends { [name: string]: Definition }>(
  properties: Properties,
  keywords?: ObjectKeywords<Extract<keyof Properties, string>>,
): Definition {
  return { type: 'object', properties, ...keywords };
}
