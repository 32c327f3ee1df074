/**
 * Bundles a package's exports as an edge app would (esbuild, ESM, browser
 * platform, tree-shaken), so tests can check what an import pulls in: that
 * `createChatCompletion` alone carries no SSE parser, no model table, no valibot.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
}

let esbuild: Esbuild | undefined;

// esbuild comes with tsup, the workspace's build tool: reached through tsup, it
// needs no entry in any package's dependencies. Loaded on first use, not at import.
function loadEsbuild(): Esbuild {
  const requireFromHere = createRequire(import.meta.url);
  esbuild ??= createRequire(requireFromHere.resolve('tsup'))('esbuild') as Esbuild;
  return esbuild;
}

/** Options of {@link bundleExports}. */
export interface BundleOptions {
  /** The entry, relative to the package folder. Default `./src/index.ts`. */
  entry?: string;
  /** Export conditions to resolve with, besides esbuild's defaults for the browser platform. */
  conditions?: string[];
}

/**
 * The (unminified) ESM code of a bundle that re-exports `names` from a
 * package's entry, tree-shaken as an app's bundler would.
 *
 * @example
 * const code = await bundleExports(new URL('..', import.meta.url), ['createChatCompletion']);
 * expect(code).not.toMatch(/text\/event-stream/);
 */
export async function bundleExports(packageFolder: URL, names: readonly string[], options: BundleOptions = {}): Promise<string> {
  const result = await loadEsbuild().build({
    stdin: { contents: `export { ${names.join(', ')} } from '${options.entry ?? './src/index.ts'}';`, resolveDir: fileURLToPath(packageFolder), loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    ...(options.conditions ? { conditions: options.conditions } : {}),
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
