/**
 * valibot schemas of the chat responses, for core's opt-in `schema` call
 * option (`@openai-micro/chat/schemas`). Each schema is built on the first
 * call of its function and kept: importing this module builds nothing, and
 * the main entry never imports it, so apps that do not validate carry no
 * valibot. Objects are loose (the API adds fields) and enumerations are
 * strings (it adds values), as in the package's types.
 */
import * as v from 'valibot';
import type { CreateChatCompletionResponse, CreateChatCompletionStreamResponse } from './types.js';

let chatCompletion: v.GenericSchema<unknown, CreateChatCompletionResponse> | undefined;
let chatCompletionChunk: v.GenericSchema<unknown, CreateChatCompletionStreamResponse> | undefined;

function usage() {
  return v.looseObject({ prompt_tokens: v.number(), completion_tokens: v.number(), total_tokens: v.number() });
}

function logprobs() {
  const top = { token: v.string(), logprob: v.number(), bytes: v.nullable(v.array(v.number())) };
  const tokens = v.array(v.looseObject({ ...top, top_logprobs: v.array(v.looseObject(top)) }));
  return v.nullish(v.looseObject({ content: v.nullable(tokens), refusal: v.nullish(tokens) }));
}

/** A piece of a function call in a stream chunk: either field may be missing. */
function functionPiece() {
  return v.looseObject({ name: v.optional(v.string()), arguments: v.optional(v.string()) });
}

/** What a completion and its chunks share around their choices (`message` or `delta`). */
function completionShape<Choice extends v.ObjectEntries, Usage extends v.GenericSchema>(choice: Choice, usage: Usage) {
  return v.looseObject({
    id: v.string(),
    object: v.string(),
    created: v.number(),
    model: v.string(),
    choices: v.array(v.looseObject({ index: v.number(), ...choice, finish_reason: v.nullable(v.string()), logprobs: logprobs() })),
    system_fingerprint: v.nullish(v.string()),
    usage,
    service_tier: v.nullish(v.string()),
  });
}

/**
 * The schema of a chat completion (the spec's CreateChatCompletionResponse),
 * built on the first call.
 *
 * @example
 * import { createChatCompletion } from '@openai-micro/chat';
 * import { createChatCompletionResponseSchema } from '@openai-micro/chat/schemas';
 *
 * const completion = await createChatCompletion(client, params, { schema: createChatCompletionResponseSchema() });
 */
export function createChatCompletionResponseSchema(): v.GenericSchema<unknown, CreateChatCompletionResponse> {
  chatCompletion ??= completionShape(
    {
      message: v.looseObject({
        role: v.string(),
        content: v.nullable(v.string()),
        tool_calls: v.optional(
          v.array(v.looseObject({ id: v.string(), type: v.string(), function: v.looseObject({ name: v.string(), arguments: v.string() }) })),
        ),
        function_call: v.optional(v.looseObject({ name: v.string(), arguments: v.string() })),
        refusal: v.nullish(v.string()),
      }),
    },
    v.optional(usage()),
  );
  return chatCompletion;
}

/**
 * The schema of one chunk of a streamed chat completion (the spec's
 * CreateChatCompletionStreamResponse), built on the first call. Streams take
 * no `schema` option: check each chunk as it arrives.
 *
 * @example
 * import * as v from 'valibot';
 * import { createChatCompletionStream } from '@openai-micro/chat';
 * import { createChatCompletionStreamResponseSchema } from '@openai-micro/chat/schemas';
 *
 * const schema = createChatCompletionStreamResponseSchema();
 * for await (const chunk of await createChatCompletionStream(client, params)) {
 *   process.stdout.write(v.parse(schema, chunk).choices[0]?.delta.content ?? '');
 * }
 */
export function createChatCompletionStreamResponseSchema(): v.GenericSchema<unknown, CreateChatCompletionStreamResponse> {
  chatCompletionChunk ??= completionShape(
    {
      delta: v.looseObject({
        role: v.optional(v.string()),
        content: v.nullish(v.string()),
        tool_calls: v.optional(
          v.array(v.looseObject({ index: v.number(), id: v.optional(v.string()), type: v.optional(v.string()), function: v.optional(functionPiece()) })),
        ),
        function_call: v.optional(functionPiece()),
        refusal: v.nullish(v.string()),
      }),
    },
    v.nullish(usage()),
  );
  return chatCompletionChunk;
}
