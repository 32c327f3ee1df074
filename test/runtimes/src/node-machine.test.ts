import { expect } from 'vitest';
import { defineLeg } from './matrix.js';
import { locateMachineNode, runNode } from './runtimes.js';

// The machine's Node (20 on this project's machines): Node's resolver picks the
// `node` condition of core's "#transport", so the leg must land on undici.
defineLeg({
  id: 'node-machine',
  title: "Node (the machine's)",
  locate: locateMachineNode,
  run: runNode,
  transport: 'undici',
  identity(report, located) {
    expect(report.processVersion).toBe(located.version);
  },
  requestHeaders() {},
});
