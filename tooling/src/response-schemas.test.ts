import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The house rules for the `./schemas` entry of every resource package, checked
 * in one place: the main entry never brings valibot in, importing the schemas
 * builds nothing, each function builds its schema once, and functions are
 * named after the spec's schemas (or, for legacy operations, the package's types).
 */

const root = new URL('../../', import.meta.url);
const requireFromHere = createRequire(import.meta.url);
// esbuild comes with tsup, the workspace's build tool.
const esbuild: {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
} = createRequire(requireFromHere.resolve('tsup'))('esbuild');

const specNames = new Set(
  [...readFileSync(new URL('../shared/openapi/openai-2024-03.yaml', root), 'utf8').matchAll(/^ {4}(\w+):$/gm)].map((match) => match[1]!),
);

const packages = readdirSync(new URL('packages/', root)).filter((name) => {
  const manifest = JSON.parse(readFileSync(new URL(`packages/${name}/package.json`, root), 'utf8')) as { exports?: Record<string, unknown> };
  return manifest.exports?.['./schemas'] !== undefined;
});

/** Bundles `contents` from the package's folder as an edge app would, tree-shaken; `valibot` may be swapped for an empty module. */
async function bundle(name: string, contents: string, emptyValibot = false): Promise<string> {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: fileURLToPath(new URL(`packages/${name}/`, root)), loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['worker', 'browser'],
    logLevel: 'silent',
    plugins: emptyValibot
      ? [
          {
            name: 'empty-valibot',
            setup(build: { onResolve: Function; onLoad: Function }) {
              build.onResolve({ filter: /^valibot$/ }, () => ({ path: 'valibot', namespace: 'empty' }));
              build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
            },
          },
        ]
      : [],
  });
  return result.outputFiles[0]!.text;
}

describe('response schemas', () => {
  it('are exported by every resource package', () => {
    expect(packages.sort()).toEqual(
      ['assistants', 'audio', 'chat', 'completions', 'embeddings', 'files', 'fine-tuning', 'images', 'models', 'moderations'].sort(),
    );
  });

  describe.each(packages)('of %s', (name) => {
    it('stay out of a bundle of the whole main entry', async () => {
      const code = await bundle(name, `export * from './src/index.ts';`);
      expect(code).not.toMatch(/valibot|looseObject/i);
    });

    it('build nothing at import: the module loads with valibot missing', async () => {
      const code = await bundle(name, `export * from './src/schemas.ts';`, true);
      const loaded = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, () => unknown>;
      const names = Object.keys(loaded);
      expect(names.length).toBeGreaterThan(0);
      // Calling one needs valibot: only then does it build.
      for (const exported of names) expect(loaded[exported]).toThrow(TypeError);
    });

    it('build each schema once, named after the spec or the package types', async () => {
      const schemas = (await import(new URL(`packages/${name}/src/schemas.ts`, root).href)) as Record<string, () => { '~standard': { vendor: string } }>;
      const source = new URL(`packages/${name}/src/`, root);
      const types = readdirSync(source)
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
        .map((file) => readFileSync(new URL(file, source), 'utf8'))
        .join('\n');
      for (const [exported, build] of Object.entries(schemas)) {
        const named = /^create(\w+)Schema$/.exec(exported)?.[1];
        expect(named, exported).toBeDefined();
        const known = [named!, `Create${named}`].some((candidate) => specNames.has(candidate) || new RegExp(`export (interface|type) ${candidate}\\b`).test(types));
        expect(known, `${exported}: no spec schema or type ${named}`).toBe(true);
        expect(build()['~standard'].vendor).toBe('valibot');
        expect(build()).toBe(build());
      }
    });
  });
});
