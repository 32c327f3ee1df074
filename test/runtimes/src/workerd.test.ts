import { expect } from 'vitest';
import { defineLeg, expectFetchOnlyBundle } from './matrix.js';
import { locateWorkerd, runWorkerd } from './runtimes.js';

// workerd without nodejs_compat, running a Worker bundled with the conditions
// wrangler uses (workerd, worker, browser): fetch, and nothing of Node inside.
defineLeg({
  id: 'workerd',
  title: 'workerd',
  locate: locateWorkerd,
  run: runWorkerd,
  transport: 'fetch',
  identity(report) {
    expect(report.userAgent).toBe('Cloudflare-Workers');
    // No nodejs_compat: the Worker has no `process`.
    expect(report.processVersion).toBeUndefined();
  },
  requestHeaders(headers) {
    // workerd's fetch adds neither header.
    expect(headers['user-agent']).toBeUndefined();
    expect(headers['accept-encoding']).toBeUndefined();
  },
  more(test, context) {
    test('the Worker bundle holds the fetch transport only', () => {
      expectFetchOnlyBundle(context().run.bundle);
    });
  },
});
