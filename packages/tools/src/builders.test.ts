import { describe, expect, it } from 'vitest';
import { array } from './array.js';
import { boolean } from './boolean.js';
import { DataType, type Definition } from './definition.js';
import { integer } from './integer.js';
import { number } from './number.js';
import { object } from './object.js';
import { string } from './string.js';

describe('JSON Schema builders', () => {
  it('build exactly the keywords given', () => {
    expect(string()).toEqual({ type: 'string' });
    expect(string({ description: 'Unit', enum: ['celsius', 'fahrenheit'] })).toEqual({ type: 'string', description: 'Unit', enum: ['celsius', 'fahrenheit'] });
    expect(number({ minimum: -90, maximum: 90 })).toEqual({ type: 'number', minimum: -90, maximum: 90 });
    expect(integer({ description: 'Days', enum: [1, 7] })).toEqual({ type: 'integer', description: 'Days', enum: [1, 7] });
    expect(boolean({ description: 'Forecast?' })).toEqual({ type: 'boolean', description: 'Forecast?' });
    expect(array(string(), { minItems: 1 })).toEqual({ type: 'array', items: { type: 'string' }, minItems: 1 });
  });

  it("nest into go-openai's function-calling example", () => {
    const parameters = object(
      {
        location: string({ description: 'The city and state, e.g. San Francisco, CA' }),
        unit: string({ enum: ['celsius', 'fahrenheit'] }),
        days: array(integer(), { description: 'Days ahead' }),
      },
      { required: ['location'], additionalProperties: false },
    );

    expect(JSON.parse(JSON.stringify(parameters))).toEqual({
      type: 'object',
      properties: {
        location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
        days: { type: 'array', items: { type: 'integer' }, description: 'Days ahead' },
      },
      required: ['location'],
      additionalProperties: false,
    });
    // @ts-expect-error `required` may only name the object's properties.
    object({ location: string() }, { required: ['place'] });
  });

  it('leave out properties on non-objects, unlike go-openai', () => {
    expect(object({})).toEqual({ type: 'object', properties: {} });
    expect('properties' in string()).toBe(false);
    const handWritten: Definition = { type: [DataType.String, DataType.Null], description: 'or nothing', format: 'date' };
    expect(handWritten.type).toEqual(['string', 'null']);
  });
});
