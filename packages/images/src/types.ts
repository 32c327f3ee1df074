import type { FileInput as CoreFileInput, OpenValues } from '@openai-micro/core';

/**
 * A file to upload (core's FileInput): a Node file path (streamed from disk), a
 * Blob or File, or `{ data, name, type? }` with bytes, a Blob or a one-shot
 * ReadableStream (such an upload is never retried). The API reads the format
 * from the file name's extension.
 *
 * @example
 * const inputs: FileInput[] = ['./cat.png', new File([png], 'cat.png', { type: 'image/png' }), { data: png, name: 'cat.png' }];
 */
export type FileInput = CoreFileInput;

/**
 * Image models by name (go-openai's `CreateImageModelDallE2`, `CreateImageModelDallE3`).
 *
 * @example
 * await createImage(client, { prompt: 'A lighthouse', model: ImageModel.DallE3 });
 */
export const ImageModel = { DallE2: 'dall-e-2', DallE3: 'dall-e-3' } as const;
/**
 * An image model: the known ones, or any newer name.
 *
 * @example
 * const model: ImageModel = ImageModel.DallE2;
 */
export type ImageModel = OpenValues<typeof ImageModel>;

/**
 * Image sizes (go-openai's `CreateImageSize256x256`…). dall-e-2 takes the three
 * square sizes, dall-e-3 takes 1024x1024, 1792x1024 and 1024x1792.
 *
 * @example
 * await createImage(client, { prompt: 'A lighthouse', size: ImageSize.Size1792x1024, model: 'dall-e-3' });
 */
export const ImageSize = {
  Size256x256: '256x256',
  Size512x512: '512x512',
  Size1024x1024: '1024x1024',
  Size1792x1024: '1792x1024',
  Size1024x1792: '1024x1792',
} as const;
/**
 * An image size: the known ones, or any newer value.
 *
 * @example
 * const size: ImageSize = '1024x1024';
 */
export type ImageSize = OpenValues<typeof ImageSize>;

/**
 * Image qualities, dall-e-3 only (go-openai's `CreateImageQualityHD`, `CreateImageQualityStandard`).
 *
 * @example
 * await createImage(client, { prompt: 'A lighthouse', model: 'dall-e-3', quality: ImageQuality.HD });
 */
export const ImageQuality = { Standard: 'standard', HD: 'hd' } as const;
/**
 * An image quality: the known ones, or any newer value.
 *
 * @example
 * const quality: ImageQuality = ImageQuality.Standard;
 */
export type ImageQuality = OpenValues<typeof ImageQuality>;

/**
 * Image styles, dall-e-3 only (go-openai's `CreateImageStyleVivid`, `CreateImageStyleNatural`).
 *
 * @example
 * await createImage(client, { prompt: 'A lighthouse', model: 'dall-e-3', style: ImageStyle.Natural });
 */
export const ImageStyle = { Vivid: 'vivid', Natural: 'natural' } as const;
/**
 * An image style: the known ones, or any newer value.
 *
 * @example
 * const style: ImageStyle = 'vivid';
 */
export type ImageStyle = OpenValues<typeof ImageStyle>;

/**
 * How generated images come back (go-openai's `CreateImageResponseFormatURL`,
 * `CreateImageResponseFormatB64JSON`): a URL valid for an hour, or the image
 * itself in base64 (decode it with `imageBytes`).
 *
 * @example
 * await createImage(client, { prompt: 'A lighthouse', response_format: ImageResponseFormat.B64JSON });
 */
export const ImageResponseFormat = { URL: 'url', B64JSON: 'b64_json' } as const;
/**
 * An image response format: the known ones, or any newer value.
 *
 * @example
 * const format: ImageResponseFormat = ImageResponseFormat.URL;
 */
export type ImageResponseFormat = OpenValues<typeof ImageResponseFormat>;

/**
 * Parameters of `createImage` (the spec's CreateImageRequest). Fields left
 * undefined are not sent; every other field is sent as given.
 *
 * @example
 * const params: CreateImageRequest = { prompt: 'A lighthouse at dusk', model: 'dall-e-3', size: '1024x1024' };
 */
export interface CreateImageRequest {
  prompt: string;
  model?: ImageModel | null;
  /** How many images, 1 to 10 (dall-e-3: 1). */
  n?: number | null;
  quality?: ImageQuality;
  response_format?: ImageResponseFormat | null;
  size?: ImageSize | null;
  style?: ImageStyle | null;
  /** An id for your end user, to help OpenAI detect abuse. */
  user?: string;
}

/**
 * Parameters of `createImageEdit` (the spec's CreateImageEditRequest), sent as
 * multipart form fields; numbers are sent as decimal strings.
 *
 * @example
 * const params: CreateImageEditRequest = { image: './room.png', mask: './mask.png', prompt: 'Add a cat' };
 */
export interface CreateImageEditRequest {
  /** A square PNG under 4 MB: a Node file path, a Blob or File, or `{ data, name }`. */
  image: FileInput;
  /** A PNG whose transparent areas mark where to edit, the size of `image`. */
  mask?: FileInput;
  prompt: string;
  model?: ImageModel | null;
  n?: number | null;
  size?: ImageSize | null;
  response_format?: ImageResponseFormat | null;
  user?: string;
}

/**
 * Parameters of `createImageVariation` (the spec's CreateImageVariationRequest),
 * sent as multipart form fields.
 *
 * @example
 * const params: CreateImageVariationRequest = { image: './cat.png', n: 2, size: '512x512' };
 */
export interface CreateImageVariationRequest {
  /** A square PNG under 4 MB: a Node file path, a Blob or File, or `{ data, name }`. */
  image: FileInput;
  model?: ImageModel | null;
  n?: number | null;
  size?: ImageSize | null;
  response_format?: ImageResponseFormat | null;
  user?: string;
}

/**
 * One generated image (the spec's Image): a URL or base64 content, and for
 * dall-e-3 the prompt it actually used.
 *
 * @example
 * const image: Image = { url: 'https://…', revised_prompt: 'A lighthouse at dusk, oil painting' };
 */
export interface Image {
  url?: string;
  b64_json?: string;
  revised_prompt?: string;
}

/**
 * The answer of every image operation (the spec's ImagesResponse).
 *
 * @example
 * const response: ImagesResponse = { created: 1700000000, data: [{ url: 'https://…' }] };
 */
export interface ImagesResponse {
  created: number;
  data: Image[];
}
