import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `pnpm changeset version` on a copy of the workspace's manifests and pending
// changesets (about a second, no git or install needed): every changeset applies,
// versions bump, CHANGELOG.md files appear, internal ranges stay workspace:^.
const root = new URL('../../', import.meta.url).pathname;
const changesetBin = join(root, 'node_modules/@changesets/cli/bin.js');

type Manifest = { name: string; version: string; private?: boolean } & Record<string, unknown>;
const dependencyFields = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;

function workspaceDirs(): string[] {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const globs = [...yaml.slice(yaml.indexOf('packages:')).matchAll(/^\s+-\s+['"]?([^'"\s]+)['"]?\s*$/gm)].map((match) => match[1]!);
  return globs.flatMap((glob) => {
    if (!glob.endsWith('/*')) return existsSync(join(root, glob, 'package.json')) ? [glob] : [];
    const parent = glob.slice(0, -2);
    return readdirSync(join(root, parent))
      .map((name) => `${parent}/${name}`)
      .filter((dir) => existsSync(join(root, dir, 'package.json')));
  });
}

function pendingChangesets(folder: string): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(folder, file), 'utf8'))?.[1] ?? '';
    result.set(file, new Map([...front.matchAll(/^["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/gm)].map((match) => [match[1]!, match[2]!])));
  }
  return result;
}

describe('changeset version', () => {
  let copy: string;
  const before = new Map<string, { dir: string; manifest: Manifest }>();
  let changesets: Map<string, Map<string, string>>;
  let output = '';

  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'openai-micro-changesets-'));
    for (const file of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(root, file), join(copy, file));
    cpSync(join(root, '.changeset'), join(copy, '.changeset'), { recursive: true });
    for (const dir of workspaceDirs()) {
      mkdirSync(join(copy, dir), { recursive: true });
      for (const file of ['package.json', 'CHANGELOG.md']) if (existsSync(join(root, dir, file))) cpSync(join(root, dir, file), join(copy, dir, file));
      const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as Manifest;
      before.set(manifest.name, { dir, manifest });
    }
    // One change of our own, so that the run always has a core release whose
    // dependents must follow, also when no changeset is pending.
    writeFileSync(join(copy, '.changeset', 'zz-check-core.md'), '---\n"@openai-micro/core": patch\n---\n\nA core change the check adds.\n');
    changesets = pendingChangesets(join(copy, '.changeset'));
    output = execFileSync(process.execPath, [changesetBin, 'version'], { cwd: copy, encoding: 'utf8', stdio: 'pipe' });
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  const after = (name: string) => JSON.parse(readFileSync(join(copy, before.get(name)!.dir, 'package.json'), 'utf8')) as Manifest;
  const released = () => new Set([...changesets.values()].flatMap((bumps) => [...bumps.keys()]));

  it('names only packages that exist and are published', () => {
    for (const name of released()) {
      expect(before.has(name), `a changeset names ${name}, which is not a workspace package`).toBe(true);
      expect(before.get(name)!.manifest.private, `a changeset names the private package ${name}`).not.toBe(true);
    }
  });

  it('releases every published package: each is named by a pending changeset or has a CHANGELOG.md', () => {
    const named = new Set([...changesets].filter(([file]) => file !== 'zz-check-core.md').flatMap(([, bumps]) => [...bumps.keys()]));
    for (const [name, { dir, manifest }] of before) {
      if (manifest.private) continue;
      expect(named.has(name) || existsSync(join(root, dir, 'CHANGELOG.md')), `${name} has no changeset: run pnpm changeset`).toBe(true);
    }
  });

  it('consumes every pending changeset', () => {
    expect(output).toMatch(/All files have been updated/);
    expect(readdirSync(join(copy, '.changeset')).filter((name) => name.endsWith('.md') && name !== 'README.md')).toEqual([]);
  });

  it('bumps every named package and writes its CHANGELOG.md entry', () => {
    for (const name of released()) {
      const { dir, manifest } = before.get(name)!;
      const version = after(name).version;
      expect(version, name).not.toBe(manifest.version);
      const changelog = readFileSync(join(copy, dir, 'CHANGELOG.md'), 'utf8');
      expect(changelog).toContain(`# ${name}`);
      expect(changelog).toContain(`## ${version}`);
    }
  });

  it('keeps internal ranges as workspace:^ and bumps the dependents of a released package', () => {
    const core = after('@openai-micro/core').version;
    for (const [name, { dir, manifest }] of before) {
      if (manifest.private) continue;
      for (const field of dependencyFields) {
        const ranges = (manifest[field] ?? {}) as Record<string, string>;
        for (const [dependency, range] of Object.entries(ranges)) {
          if (!range.startsWith('workspace:')) continue;
          expect(((after(name)[field] ?? {}) as Record<string, string>)[dependency], `${name} ${field}.${dependency}`).toBe(range);
        }
      }
      if (Object.keys((manifest.dependencies ?? {}) as object).includes('@openai-micro/core')) {
        expect(after(name).version, `${name} depends on core`).not.toBe(manifest.version);
        expect(readFileSync(join(copy, dir, 'CHANGELOG.md'), 'utf8')).toContain(`@openai-micro/core@${core}`);
      }
    }
  });

  it('leaves private packages alone', () => {
    for (const [name, { dir, manifest }] of before) {
      if (!manifest.private) continue;
      expect(after(name).version, name).toBe(manifest.version);
      expect(existsSync(join(copy, dir, 'CHANGELOG.md')), `${name} got a CHANGELOG.md`).toBe(existsSync(join(root, dir, 'CHANGELOG.md')));
    }
  });
});
