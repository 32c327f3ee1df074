/**
 * A plain JSON Schema type for function parameters, the counterpart of
 * go-openai's `jsonschema.Definition`, for schemas written by hand.
 */
import type { OpenValues } from '@openai-micro/core';

/**
 * JSON Schema types (go-openai `jsonschema.Object`, `jsonschema.String`…).
 *
 * @example
 * const definition: Definition = { type: DataType.String, description: 'A city name' };
 */
export const DataType = {
  Object: 'object',
  Number: 'number',
  Integer: 'integer',
  String: 'string',
  Array: 'array',
  Null: 'null',
  Boolean: 'boolean',
} as const;
/**
 * A JSON Schema type name: one of {@link DataType}, or any other string.
 *
 * @example
 * const nullableString: DataType[] = [DataType.String, DataType.Null];
 */
export type DataType = OpenValues<typeof DataType>;

/**
 * A JSON Schema (go-openai `jsonschema.Definition`), as function parameters
 * take it. The common keywords are typed; any other keyword (`minimum`,
 * `format`, `$defs`…) may be added.
 *
 * Unlike go-openai, which always wrote `"properties": {}` (even on strings),
 * a definition holds exactly the keywords you set.
 *
 * @example
 * const parameters: Definition = {
 *   type: 'object',
 *   properties: { city: { type: 'string', description: 'A city name' } },
 *   required: ['city'],
 *   additionalProperties: false,
 * };
 */
export interface Definition {
  type?: DataType | readonly DataType[];
  description?: string;
  enum?: readonly unknown[];
  properties?: { [name: string]: Definition };
  required?: readonly string[];
  items?: Definition;
  additionalProperties?: boolean | Definition;
  anyOf?: readonly Definition[];
  [keyword: string]: unknown;
}
