import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from './client.js';
import { APIError, InputRejectedError } from './errors.js';
import { createMultipartBody, isUploadFile, toUploadFile } from './multipart.js';
import { request } from './request-json.js';
import { rejectionOf, testApiKey, transports, useLoopbackServer } from './test-support.test-helper.js';

interface Part {
  headers: Record<string, string>;
  /** Raw header lines, to prove nothing was injected. */
  headerLines: string[];
  name: string | undefined;
  filename: string | undefined;
  contentType: string | undefined;
  body: Buffer;
}

/** A deliberately strict multipart/form-data parser: CRLF only, exact delimiters. */
function parseMultipart(body: Buffer, contentType: string | undefined): Part[] {
  const boundary = /^multipart\/form-data; boundary=([^;\s]+)$/.exec(contentType ?? '')?.[1];
  if (!boundary) throw new Error(`not a multipart content type: ${contentType}`);
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let position = body.indexOf(delimiter);
  if (position !== 0) throw new Error('body does not start with the boundary');
  for (;;) {
    position += delimiter.length;
    if (body.subarray(position, position + 4).toString() === '--\r\n' && position + 4 === body.length) return parts;
    if (body.subarray(position, position + 2).toString() !== '\r\n') throw new Error(`bad delimiter line at ${position}`);
    position += 2;
    const headerEnd = body.indexOf('\r\n\r\n', position);
    const headerLines = body.subarray(position, headerEnd).toString().split('\r\n');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next === -1) throw new Error('part without a closing delimiter');
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    const disposition = headers['content-disposition'] ?? '';
    parts.push({
      headers,
      headerLines,
      name: /; name="([^"]*)"/.exec(disposition)?.[1],
      filename: /; filename="([^"]*)"/.exec(disposition)?.[1],
      contentType: headers['content-type'],
      body: body.subarray(headerEnd + 4, next),
    });
    position = next + 2;
  }
}

const summary = (parts: Part[]) =>
  parts.map((part) => ({ name: part.name, filename: part.filename, contentType: part.contentType, body: part.body.toString() }));

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
}

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'openai-micro-multipart-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('toUploadFile', () => {
  it('takes a File with its name and type', async () => {
    const upload = await toUploadFile(new File(['hello'], 'hello.txt', { type: 'text/plain' }));
    expect(isUploadFile(upload)).toBe(true);
    expect(upload).toMatchObject({ name: 'hello.txt', type: 'text/plain' });
    expect(await upload.blob?.text()).toBe('hello');
  });

  it('guesses the type from the extension when none is given', async () => {
    expect((await toUploadFile({ data: new Uint8Array([1]), name: 'speech.mp3' })).type).toBe('audio/mpeg');
    expect((await toUploadFile({ data: new Uint8Array([1]), name: 'train.jsonl' })).type).toBe('application/jsonl');
    expect((await toUploadFile({ data: new Uint8Array([1]), name: 'noextension' })).type).toBe('application/octet-stream');
    expect((await toUploadFile({ data: new Uint8Array([1]), name: 'x.png', type: 'image/x-custom' })).type).toBe('image/x-custom');
  });

  it('keeps only the base name of a path-like name', async () => {
    expect((await toUploadFile({ data: new Uint8Array([1]), name: '../../etc/passwd' })).name).toBe('passwd');
    expect((await toUploadFile({ data: new Uint8Array([1]), name: 'C:\\Users\\me\\a.wav' })).name).toBe('a.wav');
  });

  it('opens a Node file path lazily as a Blob', async () => {
    const path = join(directory, 'train.jsonl');
    await writeFile(path, '{"a":1}\n');
    const upload = await toUploadFile(path);
    expect(upload).toMatchObject({ name: 'train.jsonl', type: 'application/jsonl' });
    expect(await upload.blob?.text()).toBe('{"a":1}\n');
  });

  it.each([
    ['a missing path', () => join(directory, 'nope.jsonl'), /does not exist/],
    ['a directory', () => directory, /not a regular file/],
    ['an empty path', () => '', /empty file path/],
    ['a Blob without a name', () => new Blob(['x']), /without a file name/],
    ['an empty name', () => ({ data: new Uint8Array([1]), name: '' }), /needs a file name/],
    ['a blank name', () => ({ data: new Uint8Array([1]), name: '   ' }), /needs a file name/],
    ['a name that is only a directory', () => ({ data: new Uint8Array([1]), name: 'dir/' }), /needs a file name/],
    ['a name that is not a string', () => ({ data: new Uint8Array([1]), name: 42 }), /name/],
    ['data of the wrong kind', () => ({ data: 'text', name: 'a.txt' }), /must be bytes/],
    ['a number', () => 42, /must be a file path/],
    ['null', () => null, /must be a file path/],
  ])('refuses %s with InputRejectedError', async (_case, input, message) => {
    const error = await rejectionOf(toUploadFile(input() as never, 'file'));
    expect(InputRejectedError.isInstance(error)).toBe(true);
    expect((error as InputRejectedError).field).toBe('file');
    expect((error as Error).message).toMatch(message);
  });
});

describe.each(transports)('multipart uploads over %s', (_name, transport) => {
  const loopback = useLoopbackServer(transport);
  const upload = (fields: Parameters<typeof createMultipartBody>[0], options = {}, clientOptions = {}) =>
    request<{ ok: boolean }>(loopback.client(clientOptions), { method: 'POST', path: '/files', body: createMultipartBody(fields) }, options);
  const receivedParts = (index = 0) => {
    const received = loopback.server.requests[index]!;
    return parseMultipart(received.body, received.headers['content-type'] as string);
  };
  const ok = () => {
    loopback.server.handler = (_request, reply) => reply.json(200, { ok: true });
  };

  it('sends exact parts for a Blob-backed File, bytes, a stream and a file path', async () => {
    ok();
    const path = join(directory, 'speech.wav');
    await writeFile(path, Buffer.from([0, 1, 2, 255, 13, 10, 45, 45]));
    await upload({
      purpose: 'fine-tune',
      file: await toUploadFile(new File(['{"prompt":"é"}\n'], 'train.jsonl', { type: 'application/jsonl' })),
      bytes: await toUploadFile({ data: new Uint8Array([104, 105]), name: 'hi.txt' }),
      buffer: await toUploadFile({ data: new Uint8Array([1, 2, 3]).buffer, name: 'raw.bin' }),
      blob: await toUploadFile({ data: new Blob(['blob body'], { type: 'text/csv' }), name: 'table.csv' }),
      stream: await toUploadFile({ data: streamOf('str', 'eamed'), name: 'streamed.txt', type: 'text/plain' }),
      disk: await toUploadFile(path),
      temperature: 0,
      verbose: false,
      skipped: undefined,
      nothing: null,
    });
    const parts = receivedParts();
    expect(summary(parts)).toEqual([
      { name: 'purpose', filename: undefined, contentType: undefined, body: 'fine-tune' },
      { name: 'file', filename: 'train.jsonl', contentType: 'application/jsonl', body: '{"prompt":"é"}\n' },
      { name: 'bytes', filename: 'hi.txt', contentType: 'text/plain', body: 'hi' },
      { name: 'buffer', filename: 'raw.bin', contentType: 'application/octet-stream', body: '\x01\x02\x03' },
      { name: 'blob', filename: 'table.csv', contentType: 'text/csv', body: 'blob body' },
      { name: 'stream', filename: 'streamed.txt', contentType: 'text/plain', body: 'streamed' },
      { name: 'disk', filename: 'speech.wav', contentType: 'audio/wav', body: parts[6]!.body.toString() },
      { name: 'temperature', filename: undefined, contentType: undefined, body: '0' },
      { name: 'verbose', filename: undefined, contentType: undefined, body: 'false' },
    ]);
    expect([...parts[6]!.body]).toEqual([0, 1, 2, 255, 13, 10, 45, 45]);
    expect(parts.every((part) => part.headerLines.length === (part.filename ? 2 : 1))).toBe(true);
    const received = loopback.server.requests[0]!;
    expect(received.headers.authorization).toBe(`Bearer ${testApiKey}`);
    expect(received.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('repeats array fields', async () => {
    ok();
    await upload({ 'timestamp_granularities[]': ['word', 'segment'], include: [1, 2, 3] });
    expect(summary(receivedParts()).map((part) => [part.name, part.body])).toEqual([
      ['timestamp_granularities[]', 'word'],
      ['timestamp_granularities[]', 'segment'],
      ['include', '1'],
      ['include', '2'],
      ['include', '3'],
    ]);
  });

  it('keeps hostile file names, field names and types from adding parts or headers', async () => {
    ok();
    await upload({
      file: await toUploadFile({ data: new Uint8Array([1]), name: 'a"; name="evil' }),
      second: await toUploadFile({ data: new Uint8Array([2]), name: 'b.txt\r\nX-Injected: yes\r\n\r\ninjected', type: 'text/plain\r\nX-Evil: 1' }),
      'field"\r\nX-Evil: 1': 'value',
    });
    const parts = receivedParts();
    expect(parts).toHaveLength(3);
    expect(parts.map((part) => part.headerLines.length)).toEqual([2, 2, 1]);
    expect(parts[0]!.name).toBe('file');
    expect(parts[0]!.filename).toBe('a%22; name=%22evil');
    expect([...parts[0]!.body]).toEqual([1]);
    expect(parts[1]!.name).toBe('second');
    expect(parts[1]!.filename).toBe('b.txt%0D%0AX-Injected: yes%0D%0A%0D%0Ainjected');
    expect(parts[1]!.contentType).toBe('text/plain%0D%0AX-Evil: 1');
    expect([...parts[1]!.body]).toEqual([2]);
    expect(parts[2]!.name).toBe('field%22%0D%0AX-Evil: 1');
    expect(parts.some((part) => 'x-evil' in part.headers || 'x-injected' in part.headers)).toBe(false);
  });

  it('sends nothing when a file input is refused', async () => {
    ok();
    const error = await rejectionOf((async () => upload({ file: await toUploadFile(join(directory, 'missing.jsonl')) }))());
    expect(InputRejectedError.isInstance(error)).toBe(true);
    expect(loopback.server.requests).toHaveLength(0);
  });

  it('re-sends identical bytes when a Blob-only body is retried after a 500', async () => {
    loopback.server.handler = (_request, reply) =>
      loopback.server.requests.length === 1 ? reply.json(500, { error: { message: 'boom' } }, { 'retry-after-ms': '5' }) : reply.json(200, { ok: true });
    const path = join(directory, 'retry.jsonl');
    await writeFile(path, '{"x":1}\n'.repeat(1000));
    const result = await upload(
      { purpose: 'batch', file: await toUploadFile(path), extra: await toUploadFile({ data: new Uint8Array([9, 9]), name: 'b.bin' }) },
      {},
      { maxRetries: 2 },
    );
    expect(result).toEqual({ ok: true });
    const [first, second] = loopback.server.requests;
    expect(loopback.server.requests).toHaveLength(2);
    expect(first!.body.length).toBeGreaterThan(8000);
    expect(second!.body.equals(first!.body)).toBe(true);
    expect(second!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
    expect(receivedParts(1)[1]!.body.toString()).toBe('{"x":1}\n'.repeat(1000));
  });

  it('does not retry a one-shot stream body and says why', async () => {
    loopback.server.handler = (_request, reply) => reply.json(500, { error: { message: 'upstream failed', type: 'server_error' } }, { 'retry-after-ms': '5' });
    const error = await rejectionOf(upload({ file: await toUploadFile({ data: streamOf('one', 'shot'), name: 'once.txt' }) }, {}, { maxRetries: 3 }));
    expect(APIError.isInstance(error)).toBe(true);
    expect((error as APIError).status).toBe(500);
    expect((error as Error).message).toContain('upstream failed');
    expect((error as Error).message).toMatch(/not retried.*one-shot stream/);
    expect(loopback.server.requests).toHaveLength(1);
    expect(receivedParts()[0]!.body.toString()).toBe('oneshot');
  });

  it('reports upload progress, increasing and ending at the total', async () => {
    ok();
    const progress: { loaded: number; total: number | undefined }[] = [];
    const content = Buffer.alloc(256 * 1024, 'z');
    await upload({ purpose: 'assistants', file: await toUploadFile({ data: new Uint8Array(content), name: 'big.txt' }) }, { onUploadProgress: (event: (typeof progress)[0]) => progress.push(event) });
    const total = loopback.server.requests[0]!.body.length;
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((event) => event.total === total)).toBe(true);
    expect(progress.every((event, index) => index === 0 || event.loaded > progress[index - 1]!.loaded)).toBe(true);
    expect(progress.at(-1)!.loaded).toBe(total);
    expect(receivedParts()[1]!.body.equals(content)).toBe(true);
  });

  it('reports progress without a total for a stream body', async () => {
    ok();
    const progress: { loaded: number; total: number | undefined }[] = [];
    await upload({ file: await toUploadFile({ data: streamOf('ab', 'cd'), name: 's.txt' }) }, { onUploadProgress: (event: (typeof progress)[0]) => progress.push(event) });
    expect(progress.at(-1)).toEqual({ loaded: loopback.server.requests[0]!.body.length, total: undefined });
  });
});

describe.each(transports)('a large file path upload over %s', (name, transport) => {
  // A plain server that hashes and discards what it receives, so only the
  // client's memory is measured (the loopback server keeps every body). Once
  // 8 MB have arrived it stops reading for a moment and samples the memory:
  // a client that had read the whole file into memory would hold it now,
  // while a streaming one holds little more than socket buffers.
  let url: string;
  let close: () => Promise<void>;
  let rssWhilePaused = 0;
  beforeAll(async () => {
    const server = createServer((incoming, response) => {
      const hash = createHash('sha256');
      let bytes = 0;
      let paused = false;
      incoming.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        hash.update(chunk);
        if (!paused && bytes > 8 * 1024 * 1024) {
          paused = true;
          incoming.pause();
          setTimeout(() => {
            rssWhilePaused = process.memoryUsage().rss;
            incoming.resume();
          }, 150);
        }
      });
      incoming.on('end', () => response.end(JSON.stringify({ bytes, sha256: hash.digest('hex') })));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(() => close());

  it('streams a 64 MB file from disk without buffering it', async () => {
    const path = join(directory, `large-${name}.bin`);
    const piece = Buffer.alloc(1024 * 1024);
    const output = createWriteStream(path);
    for (let index = 0; index < 64; index++) {
      piece.fill(index);
      if (!output.write(Buffer.from(piece))) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve) => output.end(() => resolve()));
    const client = createClient({ apiKey: testApiKey, baseURL: url, maxRetries: 0, timeout: 20_000, ...transport });
    const body = createMultipartBody({ purpose: 'batch', file: await toUploadFile(path) });
    const before = process.memoryUsage().rss;
    const result = await request<{ bytes: number; sha256: string }>(client, { method: 'POST', path: '/files', body });
    expect(result.bytes).toBeGreaterThan(64 * 1024 * 1024);
    expect(result.bytes).toBeLessThan(64 * 1024 * 1024 + 1024);
    expect(rssWhilePaused - before).toBeLessThan(24 * 1024 * 1024);
    await rm(path);
  });
});
