/**
 * Builds a leg's entry with esbuild, as an application in that runtime would
 * be built, so that the export conditions of the built packages (never a
 * runtime check) decide which transport each leg gets.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

/** test/runtimes */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Where built entries go: inside this package (so that an entry whose packages
 * stay external resolves `@openai-micro/*` from its node_modules) but not inside
 * node_modules itself, where Deno treats files as npm package code. Git ignores `dist/`.
 */
export const outputRoot = join(packageRoot, 'dist');

/** How one leg is built. */
export type BundleTarget =
  /** Node and Deno: only the smoke program is compiled; `@openai-micro/*` stay imports that the runtime's own resolver follows. */
  | 'imports'
  /** workerd, as wrangler builds a Worker: one file, conditions workerd, worker, browser. */
  | 'workerd'
  /** Chromium, as a web bundler builds a page: one file, condition browser. */
  | 'browser';

const entries = { imports: 'cli.ts', workerd: 'worker.ts', browser: 'browser.ts' } as const;

/**
 * Builds the entry for `target` into a folder of its own (legs build in
 * parallel) and returns the path of the output file.
 *
 * @example
 * const file = await bundleFor('workerd', 'workerd');
 */
export async function bundleFor(target: BundleTarget, leg: string): Promise<string> {
  const outfile = join(outputRoot, leg, target === 'browser' ? 'smoke.js' : `${target}.mjs`);
  mkdirSync(dirname(outfile), { recursive: true });
  const common: BuildOptions = {
    entryPoints: [join(packageRoot, 'src', 'entries', entries[target])],
    outfile,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    logLevel: 'silent',
    write: true,
  };
  if (target === 'imports') {
    await build({ ...common, platform: 'neutral', packages: 'external' });
  } else if (target === 'workerd') {
    await build({ ...common, platform: 'neutral', conditions: ['workerd', 'worker', 'browser'], mainFields: ['module', 'main'] });
  } else {
    await build({ ...common, platform: 'browser', conditions: ['browser'] });
  }
  return outfile;
}
