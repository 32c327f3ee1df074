import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// esbuild comes with tsup, the workspace's build tool, so it is reached through tsup.
const esbuild: { build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }> } = createRequire(
  createRequire(import.meta.url).resolve('tsup'),
)('esbuild');

it('an app that only calls createCompletion bundles neither the SSE parser nor the model tables', async () => {
  const bundleOf = async (name: string) => {
    const { outputFiles } = await esbuild.build({
      stdin: { contents: `export { ${name} } from './src/index.ts';`, resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'ts' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
    });
    return outputFiles[0]!.text;
  };
  const plain = await bundleOf('createCompletion');
  expect(plain).toContain('/completions');
  expect(plain).not.toMatch(/text\/event-stream|max-buffer-size-exceeded|valibot|gpt-4-32k|babbage-002/);
  expect(await bundleOf('createCompletionStream')).toMatch(/text\/event-stream/);
});
