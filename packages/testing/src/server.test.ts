import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './server';
import { bearer, postJson } from './test-support';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ now: () => 1_700_000_000_000 });
});
afterEach(() => server.close());

describe('recording', () => {
  it('records method, path, query, headers, raw bytes and parsed JSON', async () => {
    await postJson(server, '/chat/completions?trace=1&trace=2', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] }, {
      ...bearer,
      'OpenAI-Organization': 'org-1',
    });
    const request = server.lastRequest()!;
    expect(request).toMatchObject({
      sequence: 1,
      method: 'POST',
      url: '/v1/chat/completions?trace=1&trace=2',
      path: '/v1/chat/completions',
      operationPath: '/v1/chat/completions',
      route: 'POST /v1/chat/completions',
      params: {},
      query: { trace: '2' },
      json: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] },
      parts: undefined,
      azure: undefined,
      receivedAt: 1_700_000_000_000,
    });
    expect(request.headers.authorization).toBe('Bearer sk-test');
    expect(request.headers['openai-organization']).toBe('org-1');
    expect(request.headers['content-type']).toBe('application/json');
    expect(new TextDecoder().decode(request.body)).toBe(request.text);
    expect(request.body).toBeInstanceOf(Uint8Array);
  });

  it('records multipart parts with file names, types and exact bytes', async () => {
    const bytes = new Uint8Array(300).map((_, index) => (index * 7) % 256);
    const form = new FormData();
    form.append('purpose', 'fine-tune');
    form.append('file', new Blob([bytes], { type: 'application/jsonl' }), 'train.jsonl');
    await fetch(`${server.url}/files`, { method: 'POST', headers: bearer, body: form });
    const request = server.lastRequest('POST /v1/files')!;
    expect(request.json).toBeUndefined();
    expect(request.parts?.map((part) => [part.name, part.filename, part.contentType])).toEqual([
      ['purpose', undefined, undefined],
      ['file', 'train.jsonl', 'application/jsonl'],
    ]);
    expect(request.parts?.[0]?.text).toBe('fine-tune');
    expect(request.parts?.[1]?.data).toEqual(bytes);
  });

  it('records a streamed (chunked) request body whole', async () => {
    const encoder = new TextEncoder();
    const pieces = ['{"model":"text-embedding-3-small",', '"input":"streamed"}'];
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const piece = pieces.shift();
        if (piece === undefined) return controller.close();
        await new Promise((resolve) => setTimeout(resolve, 20));
        controller.enqueue(encoder.encode(piece));
      },
    });
    const response = await fetch(`${server.url}/embeddings`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
    const request = server.lastRequest()!;
    expect(request.headers['transfer-encoding']).toBe('chunked');
    expect(request.json).toEqual({ model: 'text-embedding-3-small', input: 'streamed' });
  });

  it('keeps a body that is not JSON as text and bytes', async () => {
    await fetch(`${server.url}/chat/completions`, { method: 'POST', headers: bearer, body: 'not json' });
    expect(server.lastRequest()).toMatchObject({ text: 'not json', json: undefined });
  });

  it('finds requests by route, and forgets them on clearRequests and reset', async () => {
    await fetch(`${server.url}/models`, { headers: bearer });
    await fetch(`${server.url}/models/gpt-4o-mini`, { headers: bearer });
    expect(server.requestsTo('GET /v1/models/{model}').map((request) => request.params)).toEqual([{ model: 'gpt-4o-mini' }]);
    expect(server.requestsTo('/v1/models')).toHaveLength(1);
    expect(server.lastRequest('GET /v1/files')).toBeUndefined();
    server.clearRequests();
    expect(server.requests).toHaveLength(0);
  });
});

describe('answers', () => {
  it('answers an unknown route with an OpenAI-shaped 404', async () => {
    const response = await fetch(`${server.url}/nowhere`, { headers: bearer });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { message: 'Invalid URL (GET /v1/nowhere)', type: 'invalid_request_error', param: null, code: null },
    });
    const wrongMethod = await fetch(`${server.url}/models`, { method: 'PUT', headers: bearer });
    expect(wrongMethod.status).toBe(404);
    // A base URL with a trailing slash doubles it: the request must not look fine.
    const doubled = await fetch(`${server.origin}//v1/models`, { headers: bearer });
    expect(doubled.status).toBe(404);
    expect(server.lastRequest()?.path).toBe('//v1/models');
  });

  it('sends request ids, rate-limit headers and CORS headers on every reply', async () => {
    const first = await fetch(`${server.url}/models`, { headers: bearer });
    const second = await fetch(`${server.url}/nowhere`, { headers: bearer });
    expect(first.headers.get('x-request-id')).toBe('req_000001');
    expect(second.headers.get('x-request-id')).toBe('req_000002');
    expect(first.headers.get('x-ratelimit-limit-requests')).toBe('10000');
    expect(first.headers.get('x-ratelimit-remaining-requests')).toBe('9999');
    expect(second.headers.get('x-ratelimit-remaining-requests')).toBe('9998');
    expect(first.headers.get('x-ratelimit-reset-requests')).toBe('6ms');
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers CORS preflights without a key', async () => {
    const response = await fetch(`${server.url}/chat/completions`, {
      method: 'OPTIONS',
      headers: { 'access-control-request-headers': 'authorization,content-type', origin: 'http://localhost' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
  });

  it('refuses bodies over maxBodyBytes with 413', async () => {
    const small = await startTestServer({ maxBodyBytes: 10 });
    try {
      const response = await postJson(small, '/embeddings', { model: 'text-embedding-3-small', input: 'too long for ten bytes' });
      expect(response.status).toBe(413);
      expect((await response.json()).error.message).toContain('too large');
    } finally {
      await small.close();
    }
  });

  it('uses the answer option, as text or as a function of the request', async () => {
    const custom = await startTestServer({ answer: (request) => `You said ${(request.json as any).messages[0].content}` });
    try {
      const response = await postJson(custom, '/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'hi' }] });
      expect((await response.json()).choices[0].message.content).toBe('You said hi');
    } finally {
      await custom.close();
    }
  });

  it('ends open streams and hanging replies on close', async () => {
    const slow = await startTestServer({ chunkDelay: 10_000 });
    const response = await postJson(slow, '/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true });
    const reading = response.text().then(
      () => 'ended',
      () => 'failed',
    );
    const started = performance.now();
    await slow.close();
    expect(['ended', 'failed']).toContain(await reading);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('authentication', () => {
  it('requires a Bearer key by default', async () => {
    const response = await fetch(`${server.url}/models`);
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: null });
    expect(body.error.message).toContain("You didn't provide an API key");
    const apiKeyHeader = await fetch(`${server.url}/models`, { headers: { 'api-key': 'sk-test' } });
    expect(apiKeyHeader.status).toBe(401);
  });

  it('checks the exact key when apiKey is set, without echoing it', async () => {
    const strict = await startTestServer({ apiKey: 'sk-right-key-123456' });
    try {
      const wrong = await fetch(`${strict.url}/models`, { headers: { authorization: 'Bearer sk-wrong-key-987654' } });
      expect(wrong.status).toBe(401);
      const body = await wrong.json();
      expect(body.error.code).toBe('invalid_api_key');
      expect(body.error.message).not.toContain('sk-wrong-key-987654');
      expect(body.error.message).toContain('7654');
      const right = await fetch(`${strict.url}/models`, { headers: { authorization: 'Bearer sk-right-key-123456' } });
      expect(right.status).toBe(200);
      expect(strict.requests).toHaveLength(2);
    } finally {
      await strict.close();
    }
  });

  it('accepts anything with requireAuth: false, and serves image URLs without a key', async () => {
    const open = await startTestServer({ requireAuth: false });
    try {
      expect((await fetch(`${open.url}/models`)).status).toBe(200);
    } finally {
      await open.close();
    }
    const image = await fetch(`${server.origin}/testing/images/img-000001.png`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
  });
});
