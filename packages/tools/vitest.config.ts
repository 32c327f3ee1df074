import { fileURLToPath } from 'node:url';
import { testPreset } from '@openai-micro/tooling/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The example imports the package by name, as users do; test it against the source.
  resolve: { alias: { '@openai-micro/tools': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: { ...testPreset(), name: 'tools' },
});
