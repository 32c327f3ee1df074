import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// tooling/check-packages.mjs on two small packages made here: one packaged the
// house way, which must pass, and one with every mistake the script exists to
// catch, each of which must be reported.
const script = new URL('../check-packages.mjs', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'openai-micro-check-packages-'));

function makePackage(name: string, manifest: object, files: Record<string, string>): string {
  const dir = join(folder, name);
  for (const [path, text] of Object.entries({ 'package.json': JSON.stringify(manifest, null, 2), ...files })) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function check(dir: string) {
  const result = spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

const transportImports = {
  '#transport': { types: './dist/transport-fetch.d.ts', workerd: './dist/transport-fetch.js', node: './dist/transport-node.js', default: './dist/transport-fetch.js' },
};
const dist = {
  'dist/index.js': "import { send } from '#transport';\nexport const ping = () => send();\n",
  'dist/index.d.ts': 'export declare const ping: () => string;\n',
  'dist/transport-fetch.js': "export const send = () => 'fetch';\n",
  'dist/transport-fetch.d.ts': 'export declare const send: () => string;\n',
  'dist/transport-node.js': "export const send = () => 'undici';\n",
  'dist/transport-node.d.ts': 'export declare const send: () => string;\n',
};

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('check-packages', () => {
  it('passes a package packed the house way', () => {
    const dir = makePackage(
      'good',
      {
        name: '@fixture/good',
        version: '1.0.0',
        type: 'module',
        sideEffects: false,
        files: ['dist', 'README.md'],
        exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
        imports: transportImports,
      },
      { ...dist, 'README.md': '# good\n' },
    );
    const { status, output } = check(dir);
    expect(output).toContain('✓ @fixture/good@1.0.0');
    expect(status).toBe(0);
  });

  it('reports every kind of packaging mistake and fails', () => {
    // The types of the fetch transport are missing: Bundler resolution finds only its .js.
    const { 'dist/transport-fetch.d.ts': _, ...distWithoutFetchTypes } = dist;
    const dir = makePackage(
      'bad',
      {
        name: '@fixture/bad',
        version: '1.0.0',
        type: 'module',
        files: ['dist', 'src'],
        exports: {
          '.': { default: './dist/index.js', types: './dist/index.d.ts' },
          './extra': { types: './dist/extra.d.ts', default: './dist/extra.js' },
        },
        imports: { '#transport': { ...transportImports['#transport'], types: './dist/gone.d.ts', workerd: './dist/gone.js' } },
      },
      {
        ...distWithoutFetchTypes,
        'dist/index.js': "import { send } from '#transport';\nimport * as v from 'valibot';\nexport const ping = () => send(v);\n",
        'dist/index.d.ts': "import type { send } from '#transport';\nexport declare const ping: typeof send;\n",
        'src/index.ts': 'export {};\n',
      },
    );
    const { status, output } = check(dir);
    expect(status).toBe(1);
    expect(output).toContain('✗ @fixture/bad@1.0.0');
    expect(output).toMatch(/publint error: pkg\.exports\["\."\]\.types should be the first/);
    expect(output).toMatch(/publint error: pkg\.exports\["\.\/extra"\]\.types is \.\/dist\/extra\.d\.ts but the file does not exist/);
    expect(output).toMatch(/attw .*Resolution failed: "@fixture\/bad\/extra" under node16-esm/);
    expect(output).toContain('imports: "#transport" for workerd is ./dist/gone.js, which is not in the package');
    expect(output).toMatch(/imports: TypeScript \(Bundler\) finds no packed declaration for "#transport" imported by dist\/index\.d\.ts/);
    expect(output).toContain('dependencies: dist/index.js imports "valibot", but "valibot" is not in dependencies or peerDependencies');
    expect(output).toContain('contents: README.md is not packed');
    expect(output).toContain('contents: sources or tests are packed: src/index.ts');
    expect(output).toContain('contents: no "./package.json" export');
    expect(output).toContain('packaging: 1 of 1 packages have problems');
  });
});
