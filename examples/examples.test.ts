import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ANSWER, errorReply, type RecordedRequest, startTestServer, type TestServer, type TestServerOptions } from '@openai-micro/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const examplesDirectory = fileURLToPath(new URL('.', import.meta.url));
const apiKey = 'sk-example';
const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  args?: string[];
  env?: Record<string, string>;
  stdin?: string;
  cwd?: string;
}

// The child sees only what the test gives it: an OPENAI_* or proxy variable of the
// machine running CI must not change where an example sends its requests.
function cleanEnvironment(): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || /^(OPENAI_|AZURE_OPENAI_)|proxy$/i.test(name)) continue;
    environment[name] = value;
  }
  return environment;
}

function startExample(name: string, options: RunOptions = {}): ChildProcess {
  return spawn(process.execPath, [join(examplesDirectory, name), ...(options.args ?? [])], {
    cwd: options.cwd ?? examplesDirectory,
    env: { ...cleanEnvironment(), ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

function runExample(name: string, options: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = startExample(name, options);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin!.end(options.stdin ?? '');
  });
}

let server: TestServer;
let workDirectory: string;

async function useServer(options: TestServerOptions = {}): Promise<TestServer> {
  await server?.close();
  server = await startTestServer({ apiKey, ...options });
  return server;
}

function openAIEnvironment(): Record<string, string> {
  return { OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: server.url };
}

function only(route: string): RecordedRequest {
  const requests = server.requestsTo(route);
  expect(requests).toHaveLength(1);
  return requests[0]!;
}

function part(request: RecordedRequest, name: string) {
  return request.parts?.find((candidate) => candidate.name === name);
}

beforeEach(async () => {
  await useServer();
  workDirectory = await mkdtemp(join(tmpdir(), 'openai-micro-examples-'));
});

afterEach(async () => {
  await server.close();
  await rm(workDirectory, { recursive: true, force: true });
});

describe('chat examples', () => {
  it('chat.mjs prints the answer of one chat completion', async () => {
    const run = await runExample('chat.mjs', { env: openAIEnvironment() });
    expect(run).toEqual({ code: 0, stdout: `${DEFAULT_ANSWER}\n`, stderr: '' });
    const sent = only('POST /v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(sent.json).toEqual({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: 'Hello!' }] });
  });

  it('chat.mjs reports a failed call and exits 1', async () => {
    server.reply('POST /v1/chat/completions', errorReply(400, { message: 'The model does not exist.' }));
    const run = await runExample('chat.mjs', { env: openAIEnvironment() });
    expect(run.stdout).toContain('ChatCompletion error: ');
    expect(run.stdout).toContain('The model does not exist.');
    expect(run.code).toBe(1);
  });

  it('chatbot.mjs answers each stdin line, keeps the history and survives a failed turn', async () => {
    await useServer({
      answer: (request) => {
        const messages = (request.json as { messages: Array<{ content: string }> }).messages;
        return `You said: ${messages.at(-1)!.content}`;
      },
    });
    server.on('POST /v1/chat/completions').reply((request) =>
      JSON.stringify(request.json).includes('"content":"fail"') ? errorReply(400, { message: 'Refused turn.' }) : undefined,
    );
    const run = await runExample('chatbot.mjs', { env: openAIEnvironment(), stdin: 'first\nfail\nsecond\n' });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      'Conversation\n---------------------\n' +
        '> You said: first\n\n' +
        '> ChatCompletion error: 400 Refused turn.\n' +
        '> You said: second\n\n' +
        '> \n',
    );
    const sent = server.requestsTo('POST /v1/chat/completions').map((request) => request.json);
    expect(sent).toHaveLength(3);
    // The refused turn is not part of the conversation sent afterwards.
    expect(sent[2]).toEqual({
      model: 'gpt-3.5-turbo',
      messages: [
        { role: 'system', content: 'you are a helpful chatbot' },
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'You said: first' },
        { role: 'user', content: 'second' },
      ],
    });
  });

  it('chat-stream.mjs prints the tokens as one line and says when the stream finished', async () => {
    await useServer({ chunkDelay: 5 });
    const run = await runExample('chat-stream.mjs', { env: openAIEnvironment() });
    expect(run).toEqual({ code: 0, stdout: `Stream response: ${DEFAULT_ANSWER}\nStream finished\n`, stderr: '' });
    expect(only('POST /v1/chat/completions').json).toEqual({
      model: 'gpt-3.5-turbo',
      max_tokens: 20,
      messages: [{ role: 'user', content: 'Lorem ipsum' }],
      stream: true,
    });
  });

  it('chat-stream.mjs reports an error event in the middle of the stream', async () => {
    server.reply('POST /v1/chat/completions', {
      kind: 'sse',
      events: [
        { data: { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: 'Lor' }, finish_reason: null }] } },
        { data: { error: { message: 'The server had an error.', type: 'server_error', code: null, param: null } } },
      ],
      done: false,
    });
    const run = await runExample('chat-stream.mjs', { env: openAIEnvironment() });
    expect(run.stdout).toMatch(/^Stream response: Lor\nStream error: .*The server had an error\./);
    expect(run.code).toBe(1);
  });
});

describe('completion examples', () => {
  it('completion.mjs prints the completion text', async () => {
    const run = await runExample('completion.mjs', { env: openAIEnvironment() });
    // max_tokens 5: the server stops after five tokens, as the API does.
    expect(run).toEqual({ code: 0, stdout: 'Hello! This is the\n', stderr: '' });
    expect(only('POST /v1/completions').json).toEqual({ model: 'babbage-002', max_tokens: 5, prompt: 'Lorem ipsum' });
  });

  it('completion-stream.mjs prints every chunk whole, then that the stream finished', async () => {
    const run = await runExample('completion-stream.mjs', { env: openAIEnvironment() });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('Stream finished');
    const chunks = lines.slice(0, -1).map((line) => {
      expect(line.startsWith('Stream response: ')).toBe(true);
      return JSON.parse(line.slice('Stream response: '.length));
    });
    expect(chunks.map((chunk) => chunk.choices[0].text).join('')).toBe('Hello! This is the');
    expect(chunks.at(-1).choices[0].finish_reason).toBe('length');
    expect(chunks.every((chunk) => chunk.object === 'text_completion')).toBe(true);
    expect(only('POST /v1/completions').json).toEqual({ model: 'babbage-002', max_tokens: 5, prompt: 'Lorem ipsum', stream: true });
  });
});

describe('image examples', () => {
  it('image-url.mjs prints the URL of the generated image, which serves a PNG', async () => {
    const run = await runExample('image-url.mjs', { env: openAIEnvironment() });
    expect(run.code).toBe(0);
    const url = run.stdout.trim();
    expect(url).toMatch(new RegExp(`^${server.origin}/testing/images/[\\w-]+\\.png$`));
    const image = new Uint8Array(await (await fetch(url)).arrayBuffer());
    expect([...image.subarray(0, 8)]).toEqual(pngSignature);
    expect(only('POST /v1/images/generations').json).toEqual({
      prompt: 'Parrot on a skateboard performs a trick, cartoon style, natural light, high detail',
      size: '256x256',
      response_format: 'url',
      n: 1,
    });
  });

  it('image-base64.mjs saves the decoded image as example.png in the working directory', async () => {
    const run = await runExample('image-base64.mjs', { env: openAIEnvironment(), cwd: workDirectory });
    expect(run).toEqual({ code: 0, stdout: 'The image was saved as example.png\n', stderr: '' });
    const saved = await readFile(join(workDirectory, 'example.png'));
    expect([...saved.subarray(0, 8)]).toEqual(pngSignature);
    expect(saved.length).toBeGreaterThan(pngSignature.length);
    expect(only('POST /v1/images/generations').json).toMatchObject({ size: '512x512', response_format: 'b64_json', n: 1 });
  });
});

describe('audio examples', () => {
  const audio = new Uint8Array([0x49, 0x44, 0x33, 0x04, 0, 0, 1, 2, 3, 4]);

  it('transcription.mjs uploads recording.mp3 from the working directory and prints the text', async () => {
    await writeFile(join(workDirectory, 'recording.mp3'), audio);
    const run = await runExample('transcription.mjs', { env: openAIEnvironment(), cwd: workDirectory });
    expect(run).toEqual({ code: 0, stdout: `${DEFAULT_ANSWER}\n`, stderr: '' });
    const sent = only('POST /v1/audio/transcriptions');
    expect(part(sent, 'model')?.text).toBe('whisper-1');
    expect(part(sent, 'file')?.filename).toBe('recording.mp3');
    expect(part(sent, 'file')?.data).toEqual(audio);
    expect(part(sent, 'response_format')).toBeUndefined();
  });

  it('transcription.mjs reports a missing file without calling the API', async () => {
    const run = await runExample('transcription.mjs', { env: openAIEnvironment(), cwd: workDirectory });
    expect(run.stdout).toMatch(/^Transcription error: /);
    expect(run.code).toBe(1);
    expect(server.requests).toHaveLength(0);
  });

  it('transcription-captions.mjs writes SubRip captions next to the audio', async () => {
    await writeFile(join(workDirectory, 'talk.mp3'), audio);
    const run = await runExample('transcription-captions.mjs', { env: openAIEnvironment(), cwd: workDirectory, args: ['talk.mp3'] });
    expect(run).toEqual({ code: 0, stdout: 'Captions written to talk.mp3.srt\n', stderr: '' });
    const captions = await readFile(join(workDirectory, 'talk.mp3.srt'), 'utf8');
    expect(captions).toMatch(/^1\n00:00:00,000 --> 00:00:\d\d,\d{3}\nHello!\n\n2\n/);
    expect(captions).toContain('This is the openai-micro test server.');
    const sent = only('POST /v1/audio/transcriptions');
    expect(part(sent, 'response_format')?.text).toBe('srt');
    expect(part(sent, 'file')?.filename).toBe('talk.mp3');
  });

  it('translation.mjs uploads the audio to the translations route and prints the English text', async () => {
    await writeFile(join(workDirectory, 'interview.m4a'), audio);
    const run = await runExample('translation.mjs', { env: openAIEnvironment(), cwd: workDirectory, args: ['interview.m4a'] });
    expect(run).toEqual({ code: 0, stdout: `${DEFAULT_ANSWER}\n`, stderr: '' });
    const sent = only('POST /v1/audio/translations');
    expect(part(sent, 'model')?.text).toBe('whisper-1');
    expect(part(sent, 'file')?.data).toEqual(audio);
    expect(server.requestsTo('POST /v1/audio/transcriptions')).toHaveLength(0);
  });
});

describe('configuration examples', () => {
  it('azure.mjs calls the deployment route with api-version and the api-key header', async () => {
    await useServer({ azure: { apiVersions: ['2024-02-01'], deployments: ['gpt-35-turbo'] } });
    const run = await runExample('azure.mjs', { env: { AZURE_OPENAI_API_KEY: apiKey, AZURE_OPENAI_ENDPOINT: server.origin } });
    expect(run).toEqual({ code: 0, stdout: `${DEFAULT_ANSWER}\n`, stderr: '' });
    const sent = only('POST /v1/chat/completions');
    expect(sent.path).toBe('/openai/deployments/gpt-35-turbo/chat/completions');
    expect(sent.azure).toEqual({ deployment: 'gpt-35-turbo', apiVersion: '2024-02-01' });
    expect(sent.headers['api-key']).toBe(apiKey);
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.json).toEqual({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: 'Hello Azure OpenAI!' }] });
  });

  describe('proxy.mjs', () => {
    let proxy: ForwardProxy;
    beforeEach(async () => {
      proxy = await startForwardProxy();
    });
    afterEach(async () => {
      await proxy.close();
    });

    for (const mode of ['dispatcher', 'custom fetch'] as const) {
      it(`sends the request through the proxy (${mode})`, async () => {
        const run = await runExample('proxy.mjs', {
          env: { ...openAIEnvironment(), OPENAI_PROXY_PORT: String(proxy.port) },
          args: mode === 'custom fetch' ? ['--fetch'] : [],
        });
        expect(run).toEqual({ code: 0, stdout: `${DEFAULT_ANSWER}\n(via http://127.0.0.1:${proxy.port}, ${mode})\n`, stderr: '' });
        // The proxy carried the call (tunnelled with CONNECT, or forwarded as an absolute URI)...
        const target = `127.0.0.1:${server.port}`;
        expect(proxy.seen).toContainEqual(expect.stringMatching(new RegExp(`^(CONNECT ${target}|POST http://${target}/v1/chat/completions)$`)));
        // ...and the server got it intact.
        const sent = only('POST /v1/chat/completions');
        expect(sent.headers.authorization).toBe(`Bearer ${apiKey}`);
        expect(sent.json).toEqual({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: 'Hello through the proxy!' }] });
      });
    }

    it('fails with a connection error when nothing listens at the proxy port', async () => {
      const port = proxy.port;
      await proxy.close();
      const run = await runExample('proxy.mjs', { env: { ...openAIEnvironment(), OPENAI_PROXY_PORT: String(port) } });
      expect(run.stdout).toMatch(/^ChatCompletion error: /);
      expect(run.code).toBe(1);
      expect(server.requests).toHaveLength(0);
    });
  });
});

describe('errors.mjs', () => {
  it('401: a wrong key is reported as an authentication failure, not retried', async () => {
    const run = await runExample('errors.mjs', { env: { ...openAIEnvironment(), OPENAI_API_KEY: 'sk-wrong' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^invalid auth or key, do not retry; status 401 after 0 retries \(request req_\d+\): /);
    expect(run.stdout).not.toContain('sk-wrong');
    expect(server.requestsTo('POST /v1/chat/completions')).toHaveLength(1);
  });

  it('429: reported after the client has retried twice', async () => {
    server.reply('POST /v1/chat/completions', errorReply(429, { retryAfter: 0 }));
    const run = await runExample('errors.mjs', { env: openAIEnvironment() });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^rate limiting or engine overload, wait and retry; status 429 after 2 retries /);
    expect(server.requestsTo('POST /v1/chat/completions')).toHaveLength(3);
  });

  it('500: reported as a server error after the retries', async () => {
    server.reply('POST /v1/chat/completions', errorReply(500, { retryAfter: 0 }));
    const run = await runExample('errors.mjs', { env: openAIEnvironment() });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^openai server error, retry; status 500 after 2 retries /);
    expect(server.requestsTo('POST /v1/chat/completions')).toHaveLength(3);
  });

  it('any other status falls to the default branch and exits 1', async () => {
    server.reply('POST /v1/chat/completions', errorReply(404, { message: 'The model `gpt-3.5-turbo` does not exist.' }));
    const run = await runExample('errors.mjs', { env: openAIEnvironment() });
    expect(run.stdout).toMatch(/^unhandled; status 404 after 0 retries .*does not exist/);
    expect(run.code).toBe(1);
  });

  it('prints the answer when nothing fails', async () => {
    const run = await runExample('errors.mjs', { env: openAIEnvironment() });
    expect(run).toEqual({ code: 0, stdout: `${DEFAULT_ANSWER}\n`, stderr: '' });
  });
});

describe('edge.mjs (served by edge-serve.mjs)', () => {
  let child: ChildProcess;
  let origin: string;
  let exited: Promise<number | null>;

  beforeEach(async () => {
    await useServer({ chunkDelay: 30 });
    child = startExample('edge-serve.mjs', { env: { ...openAIEnvironment(), PORT: '0' } });
    exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    origin = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk) => {
        output += chunk;
        const found = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
        if (found) resolve(found[1]!);
      });
      child.on('exit', (code) => reject(new Error(`edge-serve.mjs exited with ${code} before listening: ${output}`)));
    });
  });

  afterEach(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('streams the answer as plain text, token by token, and exits 0 on SIGTERM', async () => {
    const response = await fetch(origin, { method: 'POST', body: JSON.stringify({ prompt: 'Tell me a joke' }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const pieces: string[] = [];
    const decoder = new TextDecoder();
    for await (const chunk of response.body!) pieces.push(decoder.decode(chunk, { stream: true }));
    expect(pieces.join('')).toBe(DEFAULT_ANSWER);
    // 30 ms between upstream chunks: a buffered answer would arrive in one piece.
    expect(pieces.length).toBeGreaterThan(1);
    expect(only('POST /v1/chat/completions').json).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Tell me a joke' }],
      stream: true,
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('answers with server-sent events when the browser accepts them', async () => {
    const response = await fetch(origin, {
      method: 'POST',
      headers: { accept: 'text/event-stream' },
      body: JSON.stringify({ prompt: 'Hi' }),
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = (await response.text()).split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.replace(/^data: /, '')));
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe(DEFAULT_ANSWER);
  });

  it('serves the page that reads the stream, and refuses a request without a prompt', async () => {
    const page = await fetch(origin);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('response.body.pipeThrough(new TextDecoderStream())');
    const refused = await fetch(origin, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(400);
    expect(server.requests).toHaveLength(0);
  });

  it('hides the upstream error from the browser and keeps the status of a rate limit', async () => {
    server.reply('POST /v1/chat/completions', errorReply(429, { message: 'Rate limit reached for org-secret.', retryAfter: 0 }));
    const response = await fetch(origin, { method: 'POST', body: JSON.stringify({ prompt: 'Hi' }) });
    expect(response.status).toBe(429);
    const body = await response.text();
    expect(body).toBe('{"error":"The model is unavailable."}');
  });
});

interface ForwardProxy {
  port: number;
  /** `CONNECT host:port` for tunnels, `METHOD absolute-url` for forwarded requests. */
  seen: string[];
  close(): Promise<void>;
}

// A minimal HTTP forward proxy, as corporate proxies and go-openai's example expect:
// CONNECT tunnels, and plain requests whose target is an absolute URI.
async function startForwardProxy(): Promise<ForwardProxy> {
  const seen: string[] = [];
  const proxyServer: Server = createServer((incoming, outgoing) => {
    seen.push(`${incoming.method} ${incoming.url}`);
    const target = new URL(incoming.url ?? '');
    const forwarded = httpRequest(
      { host: target.hostname, port: target.port, method: incoming.method, path: `${target.pathname}${target.search}`, headers: incoming.headers },
      (upstream) => {
        outgoing.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  proxyServer.on('connect', (incoming, clientSocket, head) => {
    seen.push(`CONNECT ${incoming.url}`);
    const [host, port] = (incoming.url ?? '').split(':');
    const upstream = connect(Number(port), host!, () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    upstream.on('error', () => clientSocket.destroy());
    clientSocket.on('error', () => upstream.destroy());
    clientSocket.on('close', () => upstream.destroy());
  });
  // Tunnelled sockets leave the server's own bookkeeping, so closing must end them by hand.
  const sockets = new Set<Socket>();
  proxyServer.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => proxyServer.listen(0, '127.0.0.1', resolve));
  let closed: Promise<void> | undefined;
  return {
    port: (proxyServer.address() as AddressInfo).port,
    seen,
    close() {
      closed ??= new Promise((resolve) => {
        proxyServer.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}
