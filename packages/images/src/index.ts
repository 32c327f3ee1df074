export { createImage } from './create-image.js';
export { createImageEdit } from './create-image-edit.js';
export { createImageVariation } from './create-image-variation.js';
export { decodeImage, imageBytes } from './decode-image.js';
export {
  type CreateImageEditRequest,
  type CreateImageRequest,
  type CreateImageVariationRequest,
  type FileInput,
  type Image,
  ImageModel,
  ImageQuality,
  ImageResponseFormat,
  ImageSize,
  ImageStyle,
  type ImagesResponse,
} from './types.js';
