import { fileURLToPath } from 'node:url';
import { testPreset } from '@openai-micro/tooling/vitest';
import { defineConfig } from 'vitest/config';

// Tests run the Node build's default transport (undici); tests that want the
// fetch transport pass `fetch` explicitly, which is the public way to pick it.
export default defineConfig({
  resolve: {
    alias: { '#transport': fileURLToPath(new URL('./src/transport-node.ts', import.meta.url)) },
  },
  test: { ...testPreset(), name: 'core' },
});
