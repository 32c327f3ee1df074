/**
 * Test settings shared by every package: tests live beside the code as
 * `*.test.ts`, run in Node against real loopback servers, and fail rather than
 * hang when something never answers.
 *
 * @example
 * // vitest.config.ts
 * import { defineConfig } from 'vitest/config';
 * import { testPreset } from '@openai-micro/tooling/vitest';
 * export default defineConfig({ test: testPreset() });
 *
 * @returns {import('vitest/node').InlineConfig}
 */
export function testPreset() {
  return {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  };
}
