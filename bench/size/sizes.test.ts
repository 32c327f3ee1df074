// The bundle budgets of issue 7 as tests, so that `pnpm test` (which builds
// first) fails when a program grows over its budget or starts carrying code it
// does not use. The programs bundle the built packages.
import { describe, expect, it } from 'vitest';
import { ceilings, limit, markers, measureAll } from './sizes.mjs';

const { ours, unbuilt } = await measureAll({ peers: false });

describe('bundle sizes', () => {
  it('measures every resource package (all built)', () => {
    expect(unbuilt).toEqual([]);
    expect(ours.length).toBeGreaterThan(3);
  });

  // Within its issue-7 budget, or, for the few programs listed in `ceilings`
  // (over budget today, each with the reason), within its ceiling.
  it.each(ours.map((entry) => [entry.name, entry] as const))('%s bundles within its limit', (_name, entry) => {
    expect(entry.error).toBeUndefined();
    expect(entry.gzip, `${entry.gzip} bytes gzip against a limit of ${limit(entry)}`).toBeLessThanOrEqual(limit(entry));
  });

  it('holds only programs that exist, and only while they are over budget', () => {
    for (const name of Object.keys(ceilings)) {
      const entry = ours.find((candidate) => candidate.name === name);
      expect(entry, name).toBeDefined();
      // A program back within its budget loses its ceiling: delete the entry.
      expect(entry!.gzip, `${name} fits its budget now: remove its ceiling`).toBeGreaterThan(entry!.budget);
    }
  });

  it.each(ours.map((entry) => [entry.name, entry] as const))('%s carries no code it does not use', (_name, entry) => {
    expect(entry.found.filter((marker: string) => !entry.allowed.includes(marker))).toEqual([]);
  });

  it('keeps the SSE parser, Azure, undici, opt-in checks, model tables and multipart out of the plain chat and embedding programs', () => {
    for (const name of ['chat: createChatCompletion', 'embeddings: createEmbedding']) {
      const entry = ours.find((candidate) => candidate.name === name);
      expect(entry?.found, name).toEqual([]);
    }
    // The markers are live: the streaming program does carry the parser.
    expect(ours.find((entry) => entry.name.startsWith('chat: createChatCompletionStream'))?.found).toContain('SSE parser');
    expect(Object.keys(markers)).toContain('Azure');
  });
});
