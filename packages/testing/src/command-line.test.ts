import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CommandLineError, type CommandLineIo, parseCommandLine, runCommandLine } from './command-line';

function fakeIo() {
  const output = { stdout: [] as string[], stderr: [] as string[] };
  let signalListener: ((signal: string) => void) | undefined;
  const io: CommandLineIo = {
    stdout: (line) => output.stdout.push(line),
    stderr: (line) => output.stderr.push(line),
    onStopSignal(listener) {
      signalListener = listener;
      return () => {
        signalListener = undefined;
      };
    },
  };
  return { io, output, signal: (name: string) => signalListener?.(name), listening: () => signalListener !== undefined };
}

describe('command line', () => {
  it('parses options', () => {
    const parsed = parseCommandLine(['-p', '0', '--no-auth', '--chunk-delay', '25', '--api-version', 'a', '--api-version', 'b', '--log']);
    expect(parsed.log).toBe(true);
    expect(parsed.options).toMatchObject({ port: 0, requireAuth: false, chunkDelay: 25, azure: { apiVersions: ['a', 'b'] } });
    expect(parseCommandLine([]).options.port).toBe(8787);
    expect(() => parseCommandLine(['--port', 'abc'])).toThrow(CommandLineError);
    expect(() => parseCommandLine(['--unknown'])).toThrow(CommandLineError);
  });

  it('prints the URL, serves, logs requests and stops on a signal', async () => {
    const { io, output, signal, listening } = fakeIo();
    const session = await runCommandLine(['--port', '0', '--log', '--answer', 'From the CLI'], io);
    expect(output.stdout).toEqual([session!.server.url]);
    expect(session!.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const response = await fetch(`${session!.server.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect((await response.json()).choices[0].message.content).toBe('From the CLI');
    expect(output.stderr).toContain('POST /v1/chat/completions');
    signal('SIGTERM');
    await session!.stopped;
    expect(listening()).toBe(false);
    await expect(fetch(`${session!.server.url}/models`)).rejects.toThrow();
  });

  it('prints the help without starting a server', async () => {
    const { io, output } = fakeIo();
    expect(await runCommandLine(['--help'], io)).toBeUndefined();
    expect(output.stdout[0]).toContain('Usage: openai-micro-testing');
  });

  const built = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  it.skipIf(!existsSync(built))('runs the built executable until SIGTERM', async () => {
    const child = spawn(process.execPath, [built, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (chunk) => {
        text += chunk;
        if (text.includes('\n')) resolve(text.split('\n')[0]!);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect((await fetch(`${url}/models`, { headers: { authorization: 'Bearer k' } })).status).toBe(200);
    const exit = new Promise<[number | null, string | null]>((resolve) => child.once('exit', (code, signal) => resolve([code, signal])));
    child.kill('SIGTERM');
    expect(await exit).toEqual([0, null]);
  });
});
