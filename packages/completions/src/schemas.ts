/**
 * valibot schemas of the completions responses, for core's opt-in `schema`
 * call option (`@openai-micro/completions/schemas`). Each schema is built on
 * the first call of its function and kept: importing this module builds
 * nothing, and the main entry never imports it, so apps that do not validate
 * carry no valibot. Objects are loose (the API adds fields) and enumerations
 * are strings (it adds values), as in the package's types.
 */
import * as v from 'valibot';
import type { CreateCompletionResponse, CreateEditResponse } from './types.js';

let completion: v.GenericSchema<unknown, CreateCompletionResponse> | undefined;
let edit: v.GenericSchema<unknown, CreateEditResponse> | undefined;

function usage() {
  return v.looseObject({ prompt_tokens: v.number(), completion_tokens: v.number(), total_tokens: v.number() });
}

/**
 * The schema of a completion (the spec's CreateCompletionResponse), built on
 * the first call. Stream chunks have the same shape: streams take no `schema`
 * option, so check each chunk with `v.parse(schema, chunk)`.
 *
 * @example
 * import { createCompletion } from '@openai-micro/completions';
 * import { createCompletionResponseSchema } from '@openai-micro/completions/schemas';
 *
 * const completion = await createCompletion(client, { model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi' }, { schema: createCompletionResponseSchema() });
 */
export function createCompletionResponseSchema(): v.GenericSchema<unknown, CreateCompletionResponse> {
  completion ??= v.looseObject({
    id: v.string(),
    object: v.string(),
    created: v.number(),
    model: v.string(),
    choices: v.array(
      v.looseObject({
        text: v.string(),
        index: v.number(),
        logprobs: v.nullable(
          v.looseObject({
            tokens: v.optional(v.array(v.string())),
            token_logprobs: v.optional(v.array(v.nullable(v.number()))),
            top_logprobs: v.optional(v.array(v.nullable(v.record(v.string(), v.number())))),
            text_offset: v.optional(v.array(v.number())),
          }),
        ),
        finish_reason: v.nullable(v.string()),
      }),
    ),
    system_fingerprint: v.nullish(v.string()),
    usage: v.nullish(usage()),
  });
  return completion;
}

/**
 * The schema of an edit (the deprecated edits API's CreateEditResponse), built on the first call.
 *
 * @example
 * import { createEdit } from '@openai-micro/completions';
 * import { createEditResponseSchema } from '@openai-micro/completions/schemas';
 *
 * const edit = await createEdit(client, { model: 'text-davinci-edit-001', input: 'teh cat', instruction: 'Fix the spelling' }, { schema: createEditResponseSchema() });
 */
export function createEditResponseSchema(): v.GenericSchema<unknown, CreateEditResponse> {
  edit ??= v.looseObject({
    object: v.string(),
    created: v.number(),
    choices: v.array(v.looseObject({ text: v.string(), index: v.number(), finish_reason: v.nullish(v.string()) })),
    usage: usage(),
  });
  return edit;
}
