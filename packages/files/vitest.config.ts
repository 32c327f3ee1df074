import { testPreset } from '@openai-micro/tooling/vitest';
import { defineConfig } from 'vitest/config';

// --expose-gc lets the streaming memory tests measure retained memory rather than uncollected garbage.
export default defineConfig({ test: { ...testPreset(), name: 'files', execArgv: ['--expose-gc'] } });
