import { testPreset } from '@openai-micro/tooling/vitest';
import { defineConfig } from 'vitest/config';

// Each leg starts a runtime and runs the whole smoke program once, so the
// per-test limit is longer than the house's 20 s.
export default defineConfig({ test: { ...testPreset(), name: 'runtimes', testTimeout: 60_000, hookTimeout: 60_000 } });
