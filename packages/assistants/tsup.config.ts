import { packagePreset } from '@openai-micro/tooling/tsup';

export default packagePreset({ entry: ['src/index.ts', 'src/schemas.ts'] });
