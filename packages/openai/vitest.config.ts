import { testPreset } from '@openai-micro/tooling/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { ...testPreset(), name: 'openai' } });
