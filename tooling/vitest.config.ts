import { defineConfig } from 'vitest/config';
import { testPreset } from './vitest.preset.mjs';

export default defineConfig({ test: { ...testPreset(), name: 'tooling' } });
