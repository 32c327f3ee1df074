import { binaryReply, jsonReply } from '../replies';
import { tinyPng } from '../png';
import type { JsonObject } from '../state';
import {
  boundedNumber,
  formBody,
  jsonBody,
  type Operation,
  type OperationContext,
  oneOf,
  requireFile,
  requireString,
  unixSeconds,
} from './context';

/**
 * `POST /v1/images/generations`: `n` images as URLs served by this server, or
 * as `b64_json`; both are a valid 1x1 PNG. `dall-e-3` adds `revised_prompt`.
 *
 * @example
 * routes.push({ route: 'POST /v1/images/generations', operation: createImage });
 */
export const createImage: Operation = (context) => {
  const body = jsonBody(context);
  const prompt = requireString(body, 'prompt');
  oneOf(body, 'size', ['256x256', '512x512', '1024x1024', '1792x1024', '1024x1792'] as const);
  oneOf(body, 'quality', ['standard', 'hd'] as const);
  oneOf(body, 'style', ['vivid', 'natural'] as const);
  const revisedPrompt = body.model === 'dall-e-3' ? prompt : undefined;
  return imagesReply(context, body, revisedPrompt);
};

/**
 * `POST /v1/images/edits` (multipart: `image`, optional `mask`, `prompt`, `n`, `size`, `response_format`).
 *
 * @example
 * routes.push({ route: 'POST /v1/images/edits', operation: createImageEdit });
 */
export const createImageEdit: Operation = (context) => {
  const { fields, files } = formBody(context);
  requireFile(files, 'image');
  requireString(fields, 'prompt');
  oneOf(fields, 'size', ['256x256', '512x512', '1024x1024'] as const);
  return imagesReply(context, fields, undefined);
};

/**
 * `POST /v1/images/variations` (multipart: `image`, `n`, `size`, `response_format`).
 *
 * @example
 * routes.push({ route: 'POST /v1/images/variations', operation: createImageVariation });
 */
export const createImageVariation: Operation = (context) => {
  const { fields, files } = formBody(context);
  requireFile(files, 'image');
  oneOf(fields, 'size', ['256x256', '512x512', '1024x1024'] as const);
  return imagesReply(context, fields, undefined);
};

/**
 * `GET /testing/images/{image_name}`: the PNG behind every image URL this
 * server hands out. Needs no API key, like the API's signed image URLs.
 *
 * @example
 * routes.push({ route: 'GET /testing/images/{image_name}', operation: downloadImage, public: true });
 */
export const downloadImage: Operation = () => binaryReply(tinyPng(), { contentType: 'image/png' });

function imagesReply(context: OperationContext, body: JsonObject, revisedPrompt: string | undefined) {
  const count = boundedNumber(body, 'n', 1, 10) ?? 1;
  const format = oneOf(body, 'response_format', ['url', 'b64_json'] as const) ?? 'url';
  const data = Array.from({ length: count }, () => {
    const image: JsonObject =
      format === 'url'
        ? { url: `${context.settings.origin}/testing/images/${context.newId('img-')}.png` }
        : { b64_json: tinyPng().toString('base64') };
    if (revisedPrompt !== undefined) image.revised_prompt = revisedPrompt;
    return image;
  });
  return jsonReply({ created: unixSeconds(context), data });
}
