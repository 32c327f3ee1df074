import { packagePreset } from '@openai-micro/tooling/tsup';

// The preset targets platform 'neutral' for the edge-friendly client packages;
// this package is a Node server, so node builtins must resolve as Node's own
// modules and stay external instead of being looked up as npm packages.
export default {
  ...packagePreset({ entry: ['src/index.ts', 'src/cli.ts'] }),
  platform: 'node',
  external: [/^node:/],
  // Keep `node:` specifiers as written: they can never resolve to an npm package.
  removeNodeProtocol: false,
};
