/**
 * The tsup settings every published package builds with: ESM only, declarations,
 * no minification (consumers minify; readable dist helps debugging), and every
 * dependency left external so that bundlers can dedupe core across packages.
 *
 * @example
 * // packages/chat/tsup.config.ts
 * import { packagePreset } from '@openai-micro/tooling/tsup';
 * export default packagePreset({ entry: ['src/index.ts'] });
 *
 * @param {{ entry: string[] | Record<string, string>, external?: string[] }} settings
 * @returns {import('tsup').Options}
 */
export function packagePreset(settings) {
  return {
    entry: settings.entry,
    format: ['esm'],
    target: 'es2022',
    platform: 'neutral',
    dts: true,
    clean: true,
    splitting: true,
    treeshake: true,
    sourcemap: false,
    outDir: 'dist',
    external: [/^node:/, ...(settings.external ?? [])],
    // Deno and bundlers need the explicit node: prefix that tsup strips by default.
    removeNodeProtocol: false,
  };
}
