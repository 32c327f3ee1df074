import { expect } from 'vitest';
import { defineLeg, expectFetchOnlyBundle } from './matrix.js';
import { locateChromium, runChromium } from './runtimes.js';

// Headless Chromium: a page from one loopback origin loads the bundle built
// with the `browser` condition and calls the fixture API on another origin.
defineLeg({
  id: 'chromium',
  title: 'Chromium',
  locate: locateChromium,
  run: runChromium,
  transport: 'fetch',
  identity(report, located) {
    expect(report.userAgent).toContain(`HeadlessChrome/${located.version.split('.')[0]}.`);
  },
  requestHeaders(headers, { run }) {
    expect(headers['user-agent']).toContain('HeadlessChrome/');
    expect(headers['sec-fetch-mode']).toBe('cors');
    expect(headers.origin).toBe(run.pageOrigin);
  },
  more(test, context) {
    test('the page bundle holds the fetch transport only', () => {
      expectFetchOnlyBundle(context().run.bundle);
    });
    test('calls across origins: the fixture answered CORS preflights', () => {
      const { run, fixture } = context();
      expect(run.pageOrigin).not.toBe(fixture.origin);
      const preflights = fixture.requests.filter((request) => request.method === 'OPTIONS');
      expect(preflights.length).toBeGreaterThan(0);
      for (const preflight of preflights) {
        expect(preflight.headers.origin).toBe(run.pageOrigin);
        expect(preflight.headers['access-control-request-headers']).toContain('authorization');
      }
    });
  },
});
