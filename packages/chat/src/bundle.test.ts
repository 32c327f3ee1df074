import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// esbuild comes with tsup, the workspace's build tool; resolving it through tsup
// keeps it out of this package's dependencies.
const requireFromHere = createRequire(import.meta.url);
const esbuild: {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
} = createRequire(requireFromHere.resolve('tsup'))('esbuild');
const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

/** Bundles `import { names } from './src/index.ts'` as an edge app would, tree-shaken, and returns the code. */
async function bundle(names: string[]): Promise<string> {
  const result = await esbuild.build({
    stdin: { contents: `export { ${names.join(', ')} } from './src/index.ts';`, resolveDir: packageDirectory, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['worker', 'browser'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('bundles', () => {
  it('leave the SSE parser, the stream code and valibot out of an app that only calls createChatCompletion', async () => {
    const code = await bundle(['createChatCompletion']);
    expect(code).toContain('/chat/completions');
    expect(code).not.toMatch(/createParser|text\/event-stream|openEventStream/);
    expect(code).not.toMatch(/valibot/i);
    expect(code).not.toMatch(/gpt-4o|text-davinci/);
  });

  it('bring the SSE parser in for createChatCompletionStream', async () => {
    const code = await bundle(['createChatCompletionStream']);
    expect(code).toMatch(/text\/event-stream/);
    expect(code).toMatch(/max-buffer-size-exceeded/);
  });
});
