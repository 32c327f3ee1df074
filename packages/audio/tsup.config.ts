import { packagePreset } from '@openai-micro/tooling/tsup';

// Node-only helpers get their own entry so that edge bundles never see node:fs.
export default packagePreset({ entry: ['src/index.ts', 'src/schemas.ts', 'src/node.ts'] });
