import { packagePreset } from '@openai-micro/tooling/tsup';

// The transports are separate files resolved through the package's "imports"
// conditions at the consumer's build time, so '#transport' must stay external.
export default packagePreset({
  entry: ['src/index.ts', 'src/azure.ts', 'src/node.ts', 'src/transport-fetch.ts', 'src/transport-node.ts'],
  external: ['#transport'],
});
