import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const demoPath = fileURLToPath(new URL('./demo.mjs', import.meta.url));

function runDemo(environment: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [demoPath], { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('the README demo', () => {
  it('answers the scripted prompt through the embedded server and exits 0 without a terminal', async () => {
    const { OPENAI_API_KEY: _key, OPENAI_BASE_URL: _base, ...environment } = process.env;
    const { code, output } = await runDemo(environment);
    expect(output).toContain('embedded test server at http://127.0.0.1:');
    expect(output).toContain('> In one sentence, what is openai-micro?');
    // The embedded server's canned answer arrives as streamed deltas and is reassembled in order.
    expect(output).toMatch(/Hello! This is the openai-micro test server\.\n\(finish reason stop/);
    expect(code).toBe(0);
  });

  it('uses OPENAI_BASE_URL when it is set, and reports a typed error when nothing answers there', async () => {
    const { code, output } = await runDemo({ ...process.env, OPENAI_API_KEY: 'sk-demo-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(output).toContain('openai-micro demo: http://127.0.0.1:9/v1');
    expect(output).toContain('ConnectionError');
    expect(output).not.toContain('sk-demo-test');
    expect(code).toBe(1);
  });
});
