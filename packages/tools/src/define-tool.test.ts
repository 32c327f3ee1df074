import { InputRejectedError } from '@openai-micro/core';
import * as v from 'valibot';
import { thrownBy } from '@openai-micro/tooling/test-client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineTool } from './define-tool.js';

const parameters = v.object({
  city: v.pipe(v.string(), v.description('City name')),
  days: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

describe('defineTool', () => {
  it('is a ChatCompletionTool whose JSON holds only type and function', () => {
    const tool = defineTool({ name: 'get_weather', description: 'Weather in a city', parameters, strict: false });

    expect(Object.keys(tool)).toEqual(['type', 'function']);
    expect(JSON.parse(JSON.stringify({ tools: [tool] }))).toEqual({
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Weather in a city',
            parameters: {
              type: 'object',
              properties: { city: { type: 'string', description: 'City name' }, days: { type: 'integer', minimum: 1 } },
              required: ['city'],
            },
            strict: false,
          },
        },
      ],
    });
    expect([tool.name, tool.parameters, tool.execute]).toEqual(['get_weather', parameters, undefined]);
  });

  it('converts the schema on first use only, and once', () => {
    const unconvertible = defineTool({ name: 'schedule', parameters: v.object({ when: v.date() }) });
    const failure = thrownBy(() => unconvertible.function);
    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('parameters');
    expect((failure as Error).message).toMatch(/tool "schedule" cannot be turned into JSON Schema: The "date" schema/);

    const tool = defineTool({ name: 'get_weather', parameters });
    expect(tool.function).toBe(tool.function);
    expect(tool.function).not.toHaveProperty('description');
  });

  it('describes the input the model must send, and accepts conversion options', () => {
    const tool = defineTool({
      name: 'count',
      parameters: v.object({ amount: v.pipe(v.string(), v.transform(Number)), when: v.date() }),
      jsonSchema: { overrideSchema: ({ valibotSchema }) => (valibotSchema.type === 'date' ? { type: 'string', format: 'date-time' } : undefined) },
    });

    expect(tool.function.parameters).toEqual({
      type: 'object',
      properties: { amount: { type: 'string' }, when: { type: 'string', format: 'date-time' } },
      required: ['amount', 'when'],
    });
    expectTypeOf(tool.parse).returns.toEqualTypeOf<{ amount: number; when: Date }>();
  });

  it('refuses parameters that are not an object and names the API refuses', () => {
    const notObject = defineTool({ name: 'echo', parameters: v.string() });
    expect(() => notObject.function).toThrow(/must be an object schema such as v.object\(\{...\}\), got "string"/);

    for (const name of ['', 'get weather', 'x'.repeat(65)]) {
      const failure = thrownBy(() => defineTool({ name, parameters }));
      expect(InputRejectedError.isInstance(failure)).toBe(true);
      expect((failure as InputRejectedError).field).toBe('name');
    }
  });
});
