import { defineConfig } from 'vitest/config';

// One run over every package: each package's own vitest.config.ts is a project;
// bench's is the bundle-size budgets (project 'size'), which need the build.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'tooling/vitest.config.ts', 'examples/vitest.config.ts', 'test/*/vitest.config.ts', 'test/conformance/vitest.config.ts', 'bench/vitest.config.ts'],
  },
});
