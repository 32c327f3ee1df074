import { defineConfig } from 'vitest/config';

// The bundle budgets (size/sizes.test.ts). They bundle the built packages, so
// they run after `turbo run build`, as the root `pnpm test` does.
export default defineConfig({
  test: { name: 'size', include: ['size/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000, pool: 'forks' },
});
