import { fileURLToPath } from 'node:url';
import { testPreset } from '@openai-micro/tooling/vitest';
import { defineConfig } from 'vitest/config';

// Type tests only: vitest runs one `tsc` over src/**/*.test-d.ts and reports each
// failed expectTypeOf as a failed test. One project for every package keeps that
// to a single compiler run instead of one per package.
export default defineConfig({
  test: {
    ...testPreset(),
    name: 'types',
    include: [],
    typecheck: {
      enabled: true,
      only: true,
      include: ['src/**/*.test-d.ts'],
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    },
  },
});
