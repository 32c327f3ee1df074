import { testPreset } from '@openai-micro/tooling/vitest';
import { defineConfig } from 'vitest/config';

// Prism starts in the global setup: allow a minute for it on a slow machine.
export default defineConfig({
  test: { ...testPreset(), name: 'conformance', globalSetup: ['src/global-setup.ts'], hookTimeout: 60_000 },
});
