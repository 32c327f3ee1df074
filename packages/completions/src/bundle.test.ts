import { bundleExports } from '@openai-micro/tooling/bundle';
import { expect, it } from 'vitest';

it('an app that only calls createCompletion bundles neither the SSE parser nor the model tables', async () => {
  const bundleOf = (name: string) => bundleExports(new URL('..', import.meta.url), [name]);
  const plain = await bundleOf('createCompletion');
  expect(plain).toContain('/completions');
  expect(plain).not.toMatch(/text\/event-stream|max-buffer-size-exceeded|valibot|gpt-4-32k|babbage-002/);
  expect(await bundleOf('createCompletionStream')).toMatch(/text\/event-stream/);
});
