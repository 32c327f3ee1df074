import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleExports } from './bundle.js';

const folder = mkdtempSync(join(tmpdir(), 'bundle-'));
mkdirSync(join(folder, 'src'));
writeFileSync(join(folder, 'src', 'used.ts'), "export const used = (): string => 'USED_MARKER';\n");
writeFileSync(join(folder, 'src', 'unused.ts'), "export const unused = (): string => 'UNUSED_MARKER';\n");
writeFileSync(join(folder, 'src', 'index.ts'), "export { used } from './used.js';\nexport { unused } from './unused.js';\n");
writeFileSync(join(folder, 'src', 'other.ts'), "export const other = 'OTHER_MARKER';\n");
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const packageFolder = pathToFileURL(`${folder}/`);

describe('bundleExports', () => {
  it('keeps what the named exports use and shakes off the rest', async () => {
    const code = await bundleExports(packageFolder, ['used']);
    expect(code).toContain('USED_MARKER');
    expect(code).not.toContain('UNUSED_MARKER');
  });

  it('bundles another entry when told', async () => {
    expect(await bundleExports(packageFolder, ['other'], { entry: './src/other.ts' })).toContain('OTHER_MARKER');
  });
});
