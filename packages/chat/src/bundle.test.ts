import { bundleExports } from '@openai-micro/tooling/bundle';
import { describe, expect, it } from 'vitest';

/** Bundles `import { names } from './src/index.ts'` as an edge app would (workerd's conditions), tree-shaken. */
const bundle = (names: string[]) => bundleExports(new URL('..', import.meta.url), names, { conditions: ['worker', 'browser'] });

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
