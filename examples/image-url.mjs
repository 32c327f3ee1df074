#!/usr/bin/env node
// go-openai's CreateImage example: one generated image, printed as a URL.
// Run: OPENAI_API_KEY=sk-... node examples/image-url.mjs
import { createClient } from '@openai-micro/core';
import { createImage, ImageResponseFormat, ImageSize } from '@openai-micro/images';

const client = createClient();

try {
  const response = await createImage(client, {
    prompt: 'Parrot on a skateboard performs a trick, cartoon style, natural light, high detail',
    size: ImageSize.Size256x256,
    response_format: ImageResponseFormat.URL,
    n: 1,
  });
  console.log(response.data[0]?.url);
} catch (error) {
  console.log(`Image creation error: ${error.message}`);
  process.exitCode = 1;
}
