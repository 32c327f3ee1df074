#!/usr/bin/env node
// Packaging checks for every published (non-private) workspace package, run on
// the tarball `pnpm pack` makes — the bytes `pnpm publish` uploads, with
// `workspace:^` already rewritten — not on the package folder:
//
//   publint          package.json fields against the packed files (errors and
//                    warnings fail; suggestions are printed)
//   attw esm-only    "Are the Types Wrong?" with the ESM-only profile (node10 and
//                    require() resolutions ignored), in process: the engine of
//                    `attw --pack <dir> --profile esm-only`, loaded once for all packages
//   imports          every "#…" subpath import used by dist resolves, in every
//                    runtime's conditions, to a packed file, and TypeScript
//                    (NodeNext and Bundler) resolves its types to a packed .d.ts —
//                    neither publint nor attw looks at the "imports" field
//   dependencies     every bare import in dist (JS and .d.ts) is a Node builtin,
//                    the package itself, or a declared (peer/optional) dependency
//   contents         dist and README.md are packed; no tests or sources are; a
//                    "./package.json" export; no "workspace:" range left
//
// Usage: node tooling/check-packages.mjs [package-dir ...]   (default: every
// non-private workspace package). Build first (`pnpm build`). Exits 1 when a
// package fails, after one block per failing package.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { problemKindInfo } from '@arethetypeswrong/core/problems';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import ts from 'typescript';

const run = promisify(execFile);
const root = resolve(new URL('..', import.meta.url).pathname);

/** Resolutions the ESM-only profile of attw ignores: these packages have no CommonJS build. */
const ignoredResolutions = ['node10', 'node16-cjs'];

/**
 * The condition sets runtimes and bundlers resolve "#…" imports with, in the
 * order DESIGN.md names them; each must land on a packed file.
 */
const runtimeConditions = {
  node: ['node', 'import', 'default'],
  deno: ['deno', 'node', 'import', 'default'],
  bun: ['bun', 'node', 'import', 'default'],
  workerd: ['workerd', 'worker', 'browser', 'import', 'default'],
  'edge-light': ['edge-light', 'worker', 'browser', 'import', 'default'],
  browser: ['browser', 'import', 'default'],
  'react-native': ['react-native', 'import', 'default'],
  'no conditions': ['import', 'default'],
};

async function workspacePackages() {
  const { stdout } = await run('pnpm', ['-r', 'ls', '--depth', '-1', '--json'], { cwd: root, maxBuffer: 16 << 20 });
  return JSON.parse(stdout)
    .filter((entry) => entry.private === false && entry.path !== root)
    .map((entry) => entry.path)
    .sort();
}

/** Runs `task` over `items` with at most `limit` at a time, keeping the order of results. */
async function mapLimited(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function pack(dir, destination) {
  const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', destination], { cwd: dir, maxBuffer: 16 << 20 });
  const report = JSON.parse(stdout.slice(stdout.indexOf('{')));
  const tarball = resolve(destination, report.filename);
  const unpacked = join(destination, 'unpacked');
  await run('tar', ['-xzf', tarball, '-C', destination]);
  renameSync(join(destination, 'package'), unpacked);
  return { tarball, unpacked, files: report.files.map((file) => file.path).sort() };
}

async function runPublint(tarball) {
  const data = readFileSync(tarball);
  const { messages, pkg } = await publint({ pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) }, level: 'suggestion' });
  const format = (message) => formatMessage(message, pkg, { color: false }) ?? message.code;
  return {
    failures: messages.filter((m) => m.type !== 'suggestion').map((m) => `publint ${m.type}: ${format(m)}`),
    notes: messages.filter((m) => m.type === 'suggestion').map((m) => `publint suggestion: ${format(m)}`),
  };
}

async function runAttw(tarball) {
  const analysis = await checkPackage(createPackageFromTarballData(new Uint8Array(readFileSync(tarball))));
  // attw's CLI passes a package without types; a package of ours must ship them.
  if (!analysis.types) return ['attw: the package ships no types (no "types" condition or .d.ts files found)'];
  return analysis.problems
    .filter((problem) => !('resolutionKind' in problem) || !ignoredResolutions.includes(problem.resolutionKind))
    .map((problem) => {
      const info = problemKindInfo[problem.kind];
      const where = [
        problem.entrypoint && `"${problem.entrypoint === '.' ? analysis.packageName : `${analysis.packageName}/${problem.entrypoint.slice(2)}`}"`,
        problem.resolutionKind && `under ${problem.resolutionKind}`,
        problem.resolutionOption && `(${problem.resolutionOption} resolution)`,
        problem.fileName && `in ${problem.fileName.replace(/^\/node_modules\/[^/]+(\/[^/]+)?\//, '')}`,
        problem.moduleSpecifier && `importing "${problem.moduleSpecifier}"`,
      ]
        .filter(Boolean)
        .join(' ');
      return `attw ${info.emoji} ${info.title}: ${where}. ${info.shortDescription ?? ''} (${info.docsUrl})`.replace(/\s+/g, ' ');
    });
}

/** The specifiers a JS or .d.ts file imports (static, dynamic and `import("…")` types), comments ignored. */
function importsOf(text) {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

/** Node's subpath-imports target selection for one condition set (first matching key wins). */
function selectTarget(value, conditions) {
  if (typeof value === 'string' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => selectTarget(item, conditions)).find((item) => item) ?? null;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'default' || conditions.includes(key)) {
      const target = selectTarget(inner, conditions);
      if (target !== undefined) return target;
    }
  }
  return undefined;
}

function checkSubpathImports(manifest, unpacked, files, distFiles) {
  const failures = [];
  const packed = new Set(files);
  const specifiers = new Map();
  for (const file of distFiles) {
    for (const specifier of importsOf(readFileSync(join(unpacked, file), 'utf8'))) {
      if (specifier.startsWith('#')) specifiers.set(specifier, [...(specifiers.get(specifier) ?? []), file]);
    }
  }
  for (const [specifier, importers] of specifiers) {
    const entry = manifest.imports?.[specifier];
    if (entry === undefined) {
      failures.push(`imports: ${importers.join(', ')} import "${specifier}", which package.json "imports" does not define`);
      continue;
    }
    for (const [runtime, conditions] of Object.entries(runtimeConditions)) {
      const target = selectTarget(entry, conditions);
      if (typeof target !== 'string') failures.push(`imports: "${specifier}" resolves to nothing for ${runtime} (conditions ${conditions.join(', ')})`);
      else if (!packed.has(target.replace(/^\.\//, ''))) failures.push(`imports: "${specifier}" for ${runtime} is ${target}, which is not in the package`);
    }
    const settings = [
      ['NodeNext', { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }],
      ['Bundler', { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }],
    ];
    for (const importer of importers) {
      for (const [label, options] of settings) {
        const resolved = ts.resolveModuleName(specifier, join(unpacked, importer), options, ts.sys).resolvedModule;
        const path = resolved ? relative(unpacked, resolved.resolvedFileName) : '';
        if (!resolved?.extension.startsWith('.d.') || path.startsWith('..') || !packed.has(path)) {
          failures.push(`imports: TypeScript (${label}) finds no packed declaration for "${specifier}" imported by ${importer}${resolved ? ` (got ${path})` : ''}`);
        }
      }
    }
  }
  return failures;
}

function checkDependencies(manifest, unpacked, distFiles) {
  const declared = new Set([
    manifest.name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ]);
  const failures = new Set();
  for (const file of distFiles) {
    for (const specifier of importsOf(readFileSync(join(unpacked, file), 'utf8'))) {
      if (specifier.startsWith('.') || specifier.startsWith('#') || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      if (!declared.has(name)) failures.add(`dependencies: ${file} imports "${specifier}", but "${name}" is not in dependencies or peerDependencies`);
    }
  }
  return [...failures];
}

function checkContents(manifest, files) {
  const failures = [];
  if (!files.some((file) => file.startsWith('dist/'))) failures.push('contents: no dist/ in the package: run `pnpm build` first, and keep "dist" in "files"');
  if (!files.includes('README.md')) failures.push('contents: README.md is not packed: add it to "files" (and write it)');
  const leaked = files.filter((file) => /(^|\/)(src|test|tests)\/|\.test(-d)?\.[cm]?[jt]s$|\.tsbuildinfo$/.test(file));
  if (leaked.length) failures.push(`contents: sources or tests are packed: ${leaked.join(', ')} (narrow "files")`);
  if (!manifest.exports?.['./package.json']) failures.push('contents: no "./package.json" export (tools read it; add "./package.json": "./package.json")');
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) failures.push(`contents: ${field}.${name} is still "${range}" in the packed package.json`);
    }
  }
  return failures;
}

async function checkOne(dir) {
  const folder = mkdtempSync(join(tmpdir(), 'openai-micro-pack-'));
  const label = relative(root, dir) || dir;
  try {
    let packed;
    try {
      packed = await pack(dir, folder);
    } catch (error) {
      let reason = String(error.stderr || error.message).trim();
      try {
        reason = JSON.parse(error.stdout.slice(error.stdout.indexOf('{'))).error.message;
      } catch {}
      return { label, name: label, failures: [`pack: pnpm pack failed: ${reason}`], notes: [] };
    }
    const { tarball, unpacked, files } = packed;
    const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
    const distFiles = files.filter((file) => /\.(c|m)?js$|\.d\.(c|m)?ts$/.test(file));
    const lint = await runPublint(tarball);
    const failures = [
      ...checkContents(manifest, files),
      ...lint.failures,
      ...(await runAttw(tarball)),
      ...checkSubpathImports(manifest, unpacked, files, distFiles),
      ...checkDependencies(manifest, unpacked, distFiles),
    ];
    return { label, name: `${manifest.name}@${manifest.version}`, files: files.length, failures, notes: lint.notes };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const requested = process.argv.slice(2).map((dir) => resolve(dir));
const dirs = requested.length ? requested : await workspacePackages();
const results = await mapLimited(dirs, Math.max(2, availableParallelism()), checkOne);

console.log('Packaging checks: publint, attw --profile esm-only, subpath imports, dependencies, contents (on pnpm pack tarballs)');
for (const result of results) {
  const mark = result.failures.length ? '✗' : '✓';
  console.log(`  ${mark} ${result.name} (${result.label}${result.files ? `, ${result.files} files` : ''})`);
  for (const line of [...result.failures, ...result.notes]) console.log(`      ${line}`);
}
const failed = results.filter((result) => result.failures.length);
console.log(failed.length ? `packaging: ${failed.length} of ${results.length} packages have problems` : `packaging: all ${results.length} packages clean`);
if (failed.length) process.exitCode = 1;
