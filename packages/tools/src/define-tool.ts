import { type ChatCompletionMessageToolCall, type ChatCompletionTool, type FunctionObject, InputRejectedError } from '@openai-micro/core';
import { type ConversionConfig, toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema, InferOutput } from 'valibot';
import { parseToolCall } from './parse-tool-call.js';

/**
 * What a tool's `execute` receives besides its parsed arguments.
 *
 * @example
 * const execute = async ({ city }: { city: string }, { toolCall, signal }: ToolExecutionContext) => fetchWeather(city, { signal, id: toolCall.id });
 */
export interface ToolExecutionContext {
  /** The tool call being answered. */
  toolCall: ChatCompletionMessageToolCall;
  /** The signal given to `runToolCalls`, to cancel long work. */
  signal: AbortSignal | undefined;
}

/**
 * Options of {@link defineTool}.
 *
 * @example
 * const config: ToolConfig<typeof parameters, string> = { name: 'get_time', parameters, execute: ({ zone }) => new Date().toLocaleString('en', { timeZone: zone }) };
 * const tool = defineTool(config);
 */
export interface ToolConfig<Schema extends GenericSchema, Result> {
  /** The function name the model calls: letters, digits, `_` and `-`, at most 64. */
  name: string;
  /** What the tool does and when to use it; the model reads it. */
  description?: string;
  /** A valibot schema of the arguments, usually `v.object({...})`; use `v.description` for per-field descriptions. */
  parameters: Schema;
  /** OpenAI's Structured Outputs for the arguments (needs `v.strictObject`, every field required, `v.nullable` instead of `v.optional`). */
  strict?: boolean;
  /** Runs the tool; `runToolCalls` sends its result back (strings as they are, anything else as JSON). */
  execute?: (args: InferOutput<Schema>, context: ToolExecutionContext) => Result | Promise<Result>;
  /** Options of `@valibot/to-json-schema`'s `toJsonSchema`, such as `overrideSchema`; `typeMode` defaults to `'input'`. */
  jsonSchema?: ConversionConfig;
}

/**
 * A tool made by {@link defineTool}: a `ChatCompletionTool` to pass in a chat
 * request's `tools` (only `type` and `function` are enumerable, so that is all
 * a request sends), which also parses and runs its calls.
 *
 * @example
 * const tools: Tool[] = [weather, calendar];
 * await createChatCompletion(client, { model: 'gpt-4o-mini', messages, tools });
 */
export interface Tool<Schema extends GenericSchema = GenericSchema, Result = unknown> extends ChatCompletionTool {
  readonly type: 'function';
  /** The function definition with the JSON Schema, computed on first read. */
  readonly function: FunctionObject;
  /** The function name. */
  readonly name: string;
  /** The valibot schema of the arguments. */
  readonly parameters: Schema;
  /** Parses a call's JSON arguments into typed values (see {@link parseToolCall}). */
  parse(toolCall: ChatCompletionMessageToolCall): InferOutput<Schema>;
  /** Runs the tool, when it was defined with `execute`. */
  readonly execute: ((args: InferOutput<Schema>, context: ToolExecutionContext) => Result | Promise<Result>) | undefined;
}

const functionNamePattern = /^[a-zA-Z0-9_-]{1,64}$/;

function describeFunction(config: Omit<ToolConfig<GenericSchema, unknown>, 'execute'>): FunctionObject {
  let schema: Record<string, unknown>;
  try {
    schema = { ...toJsonSchema(config.parameters, { typeMode: 'input', ...config.jsonSchema }) } as Record<string, unknown>;
  } catch (error) {
    throw new InputRejectedError(`The parameters of tool "${config.name}" cannot be turned into JSON Schema: ${(error as Error).message}`, 'parameters');
  }
  // The API describes parameters in its own dialect; a draft URI adds nothing and strict mode refuses unknown keywords.
  delete schema.$schema;
  if (schema.type !== 'object') {
    throw new InputRejectedError(`The parameters of tool "${config.name}" must be an object schema such as v.object({...}), got ${JSON.stringify(schema.type ?? schema)}.`, 'parameters');
  }
  const definition: FunctionObject = { name: config.name };
  if (config.description !== undefined) definition.description = config.description;
  definition.parameters = schema;
  if (config.strict !== undefined) definition.strict = config.strict;
  return definition;
}

/**
 * Defines a tool from a valibot schema: the counterpart of describing
 * parameters with go-openai's `jsonschema` package, with typed parsing of the
 * model's arguments on top. The JSON Schema is computed with
 * `@valibot/to-json-schema` on first use (when a request is serialised or
 * `tool.function` is read), never at import or definition time.
 *
 * @throws {InputRejectedError} with `field: 'name'` for a name the API refuses.
 * Reading `tool.function` throws `InputRejectedError` (`field: 'parameters'`)
 * when the schema cannot be converted or is not an object.
 *
 * @example
 * import * as v from 'valibot';
 * import { defineTool } from '@openai-micro/tools';
 *
 * const weather = defineTool({
 *   name: 'get_weather',
 *   description: 'Current weather in a city',
 *   parameters: v.object({
 *     city: v.pipe(v.string(), v.description('City name, such as Paris')),
 *     unit: v.optional(v.picklist(['celsius', 'fahrenheit'])),
 *   }),
 *   execute: async ({ city, unit }) => ({ city, temperature: 21, unit: unit ?? 'celsius' }),
 * });
 * // tools: [weather] in a chat request; weather.parse(toolCall) → { city: string; unit?: ... }
 */
export function defineTool<Schema extends GenericSchema, Result = unknown>(config: ToolConfig<Schema, Result>): Tool<Schema, Result> {
  if (!functionNamePattern.test(config.name)) {
    throw new InputRejectedError(`The tool name ${JSON.stringify(config.name)} is not allowed: use 1 to 64 letters, digits, "_" or "-".`, 'name');
  }
  let definition: FunctionObject | undefined;
  const tool = {
    type: 'function' as const,
    get function(): FunctionObject {
      definition ??= describeFunction(config);
      return definition;
    },
  };
  // Not enumerable, so a request body made from the tool holds only `type` and `function`.
  Object.defineProperties(tool, {
    name: { value: config.name },
    parameters: { value: config.parameters },
    execute: { value: config.execute },
    parse: { value: (toolCall: ChatCompletionMessageToolCall) => parseToolCall(tool as unknown as Tool<Schema, Result>, toolCall) },
  });
  return tool as unknown as Tool<Schema, Result>;
}
