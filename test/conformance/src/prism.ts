/**
 * Starts `prism mock --errors` as a child process on 127.0.0.1 and stops it.
 * The CLI is resolved from this package's own dependency (no npx), and run
 * with the Node that runs the tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

export interface PrismServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  /** The child's process id. */
  pid: number;
  /** Kills the process (SIGTERM, then SIGKILL) and resolves once it has exited. */
  stop(): Promise<void>;
  /** Kills it at once without waiting: for `process.on('exit')`, where nothing can be awaited. */
  killNow(): void;
  /** What Prism printed, for error messages. */
  output(): string;
}

const require = createRequire(import.meta.url);

/** A port that was free a moment ago (Prism takes a port number, not 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts Prism on `specPath` and resolves once it listens; rejects (and kills it) on exit or after `timeoutMs`. */
export async function startPrism(specPath: string, { timeoutMs = 60_000 }: { timeoutMs?: number } = {}): Promise<PrismServer> {
  const cli = require.resolve('@stoplight/prism-cli/dist/index.js');
  const port = await freePort();
  const child = spawn(process.execPath, [cli, 'mock', specPath, '--host', '127.0.0.1', '--port', String(port), '--errors'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let log = '';
  const append = (chunk: Buffer) => {
    // Keep the start and the latest lines: enough to explain a failure.
    log = (log + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const url = `http://127.0.0.1:${port}`;
  const server: PrismServer = {
    url,
    pid: child.pid ?? -1,
    output: () => log,
    killNow() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Prism did not start within ${timeoutMs} ms on ${specPath}:\n${log}`)), timeoutMs);
      const onExit = (code: number | null, signal: string | null) => {
        clearTimeout(timer);
        reject(new Error(`Prism exited (${code ?? signal}) before listening on ${specPath}:\n${log}`));
      };
      child.once('exit', onExit);
      const onData = () => {
        if (!log.includes('Prism is listening on')) return;
        clearTimeout(timer);
        child.off('exit', onExit);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}
