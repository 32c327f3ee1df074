import { expect } from 'vitest';
import { defineLeg } from './matrix.js';
import { locateDeno, runDeno } from './runtimes.js';

// Deno imports the built packages from node_modules and resolves "#transport"
// with its own conditions: `deno` comes before `node` in core's map, so fetch.
defineLeg({
  id: 'deno',
  title: 'Deno',
  locate: locateDeno,
  run: runDeno,
  transport: 'fetch',
  identity(report, located) {
    expect(report.userAgent).toBe(`Deno/${located.version}`);
  },
  requestHeaders(headers, { located }) {
    expect(headers['user-agent']).toBe(`Deno/${located.version}`);
  },
});
