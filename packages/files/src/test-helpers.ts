/**
 * Helpers of this package's tests (not exported by the package): memory
 * sampling and a non-recording server for the large-body tests. What every
 * resource package's tests need is in `@openai-micro/tooling/test-client` and
 * `@openai-micro/tooling/multipart-parts`.
 */
import { once } from 'node:events';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Runs `work` while sampling the process's resident memory, and resolves how
 * far the peak rose above the level before it, in bytes. V8 frees the buffers
 * of consumed chunks only once about 64 MB of them have piled up, so when the
 * test process runs with --expose-gc (see vitest.config.ts) each sample first
 * runs a quick young-generation collection: what is measured is the memory
 * the code keeps, not garbage V8 has not collected yet.
 *
 * @example
 * const growth = await peakMemoryGrowth(() => createFile(client, { file: path, purpose: 'batch' }));
 */
export async function peakMemoryGrowth(work: () => Promise<unknown>): Promise<number> {
  const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
  const collect = () => gc?.({ type: 'minor' });
  gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sample = () => {
    collect();
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const sampler = setInterval(sample, 10);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  sample();
  return peak - baseline;
}

/**
 * Starts a plain node:http server on 127.0.0.1 for tests that must not record
 * bodies (the loopback server keeps every byte), and resolves its URL and a closer.
 *
 * @example
 * const { url, close } = await listenOnLoopback((incoming, response) => response.end());
 */
export async function listenOnLoopback(handler: RequestListener): Promise<{ url: string; close: () => void }> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
