import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = new URL('../check-examples.mjs', import.meta.url).pathname;

// Every package is held at zero: each export has an @example and a README mention.
// Read from packages/ so a new package is held too, with no list to forget.
const packagesFolder = new URL('../../packages/', import.meta.url).pathname;
const checked = readdirSync(packagesFolder)
  .filter((name) => existsSync(join(packagesFolder, name, 'src', 'index.ts')))
  .sort();

function run(args: string[]): { status: number; output: string } {
  try {
    return { status: 0, output: execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    return { status: failure.status, output: failure.stdout + failure.stderr };
  }
}

const fixtures = mkdtempSync(join(tmpdir(), 'check-examples-'));
afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

describe('check-examples.mjs', () => {
  it('covers core and every resource package', () => {
    expect(checked).toEqual(expect.arrayContaining(['core', 'assistants', 'audio', 'files', 'fine-tuning', 'images', 'openai', 'testing']));
  });

  it(`finds an @example and a README mention for every export of ${checked.join(', ')}`, () => {
    const { status, output } = run(checked);
    expect(output).toContain(`every export of ${checked.join(', ')} has an @example`);
    expect(status).toBe(0);
  });

  it('names each export without an @example (value and type side apart) or without a README mention, and fails', () => {
    const folder = join(fixtures, 'demo');
    mkdirSync(join(folder, 'src'), { recursive: true });
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } } }));
    writeFileSync(join(folder, 'README.md'), '# demo\n\n`documented`, `Level`\n');
    writeFileSync(
      join(folder, 'src', 'index.ts'),
      [
        "export { documented, undocumented } from './functions.js';",
        '/**\n * Levels.\n *\n * @example\n * Level.High;\n */',
        "export const Level = { High: 'high' } as const;",
        '/** A level, without an example. */',
        'export type Level = (typeof Level)[keyof typeof Level];',
      ].join('\n'),
    );
    writeFileSync(
      join(folder, 'src', 'functions.ts'),
      '/**\n * Documented.\n *\n * @example\n * documented();\n */\nexport function documented(): void {}\n/** Not documented. */\nexport function undocumented(): void {}\n',
    );

    const { status, output } = run(['--packages', fixtures, 'demo']);
    expect(status).toBe(1);
    expect(output.split('\n').filter((line) => line.includes('@openai-micro/demo')).sort()).toEqual([
      expect.stringMatching(/README\.md @openai-micro\/demo undocumented: not in the README$/),
      expect.stringMatching(/src\/functions\.ts:\d+ @openai-micro\/demo undocumented \(value\): no @example$/),
      expect.stringMatching(/src\/index\.ts:\d+ @openai-micro\/demo Level \(type\): no @example$/),
    ]);
  });
});
