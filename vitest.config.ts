import { defineConfig } from 'vitest/config';

// One run over every package: each package's own vitest.config.ts is a project.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'tooling/vitest.config.ts', 'examples/vitest.config.ts', 'test/*/vitest.config.ts', 'test/conformance/vitest.config.ts'],
  },
});
