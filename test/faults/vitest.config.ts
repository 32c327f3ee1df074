import { testPreset } from '@openai-micro/tooling/vitest';
import { defineConfig } from 'vitest/config';

// --expose-gc lets the memory scenarios measure what the client keeps rather than
// garbage V8 has not collected yet. Each file runs in its own process (the preset's
// forks pool), so one file's 100 MB never counts in another's measurements.
export default defineConfig({ test: { ...testPreset(), name: 'faults', execArgv: ['--expose-gc'] } });
