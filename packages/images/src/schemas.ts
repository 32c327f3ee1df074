/**
 * valibot schemas of the images response, for core's opt-in `schema` call
 * option (`@openai-micro/images/schemas`). Each schema is built on the first
 * call of its function and kept: importing this module builds nothing, and
 * the main entry never imports it, so apps that do not validate carry no
 * valibot. Objects are loose: the API adds fields.
 */
import * as v from 'valibot';
import type { ImagesResponse } from './types.js';

let images: v.GenericSchema<unknown, ImagesResponse> | undefined;

/**
 * The schema of the images answer of generations, edits and variations (the
 * spec's ImagesResponse), built on the first call: each image has a `url` or
 * `b64_json`, and dall-e-3 adds `revised_prompt`.
 *
 * @example
 * import { createImage } from '@openai-micro/images';
 * import { createImagesResponseSchema } from '@openai-micro/images/schemas';
 *
 * const { data } = await createImage(client, { model: 'dall-e-3', prompt: 'A red fox' }, { schema: createImagesResponseSchema() });
 */
export function createImagesResponseSchema(): v.GenericSchema<unknown, ImagesResponse> {
  images ??= v.looseObject({
    created: v.number(),
    data: v.array(v.looseObject({ url: v.optional(v.string()), b64_json: v.optional(v.string()), revised_prompt: v.optional(v.string()) })),
  });
  return images;
}
