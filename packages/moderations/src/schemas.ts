/**
 * valibot schemas of the moderations response, for core's opt-in `schema`
 * call option (`@openai-micro/moderations/schemas`). Each schema is built on
 * the first call of its function and kept: importing this module builds
 * nothing, and the main entry never imports it, so apps that do not validate
 * carry no valibot. Objects are loose: the API adds fields and categories.
 */
import * as v from 'valibot';
import type { CreateModerationResponse, ModerationCategoryName } from './types.js';

let moderation: v.GenericSchema<unknown, CreateModerationResponse> | undefined;

/** One schema for each category that every moderation model reports. */
function perCategory<Schema extends v.GenericSchema>(schema: Schema): Record<ModerationCategoryName, Schema> {
  const names: ModerationCategoryName[] = [
    'hate',
    'hate/threatening',
    'harassment',
    'harassment/threatening',
    'self-harm',
    'self-harm/intent',
    'self-harm/instructions',
    'sexual',
    'sexual/minors',
    'violence',
    'violence/graphic',
  ];
  return Object.fromEntries(names.map((name) => [name, schema])) as Record<ModerationCategoryName, Schema>;
}

/**
 * The schema of a moderation (the spec's CreateModerationResponse), built on
 * the first call. The eleven categories of every model are required; newer
 * ones (`illicit`…) may be there, as a boolean (or null) and a score.
 *
 * @example
 * import { createModeration } from '@openai-micro/moderations';
 * import { createModerationResponseSchema } from '@openai-micro/moderations/schemas';
 *
 * const { results } = await createModeration(client, { input: 'some text' }, { schema: createModerationResponseSchema() });
 */
export function createModerationResponseSchema(): v.GenericSchema<unknown, CreateModerationResponse> {
  moderation ??= v.looseObject({
    id: v.string(),
    model: v.string(),
    results: v.array(
      v.looseObject({
        flagged: v.boolean(),
        categories: v.objectWithRest(perCategory(v.boolean()), v.nullish(v.boolean())),
        category_scores: v.objectWithRest(perCategory(v.number()), v.optional(v.number())),
        category_applied_input_types: v.optional(v.record(v.string(), v.optional(v.array(v.string())))),
      }),
    ),
  });
  return moderation;
}
