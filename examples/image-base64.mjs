#!/usr/bin/env node
// go-openai's CreateImage (Base64) example: the image comes back inline and is
// saved as example.png in the current directory.
// Run: OPENAI_API_KEY=sk-... node examples/image-base64.mjs
import { writeFile } from 'node:fs/promises';
import { createClient } from '@openai-micro/core';
import { createImage, ImageResponseFormat, ImageSize, imageBytes } from '@openai-micro/images';

const client = createClient();

let response;
try {
  response = await createImage(client, {
    prompt: 'Portrait of a humanoid parrot in a classic costume, high detail, realistic light, unreal engine',
    size: ImageSize.Size512x512,
    response_format: ImageResponseFormat.B64JSON,
    n: 1,
  });
} catch (error) {
  console.log(`Image creation error: ${error.message}`);
  process.exit(1);
}

try {
  await writeFile('example.png', imageBytes(response.data[0]));
  console.log('The image was saved as example.png');
} catch (error) {
  console.log(`File write error: ${error.message}`);
  process.exitCode = 1;
}
