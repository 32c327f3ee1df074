import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatCompletionReply } from './chat-replies';
import {
  binaryReply,
  defaultReply,
  disconnectReply,
  emptyReply,
  errorReply,
  hangReply,
  jsonReply,
  textReply,
} from './replies';
import { startTestServer, type TestServer } from './server';
import { bearer, postJson } from './test-support';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const chat = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };
const contentOf = async (response: Response) => (await response.json()).choices[0].message.content;

describe('scripted replies', () => {
  it('uses one-shot replies in order, then the persistent one, then the default', async () => {
    const route = server
      .on('POST /v1/chat/completions')
      .replyOnce(chatCompletionReply({ content: 'first' }))
      .replyOnce(chatCompletionReply({ content: 'second' }));
    expect(route.pendingReplies).toBe(2);
    expect(await contentOf(await postJson(server, '/chat/completions', chat))).toBe('first');
    expect(await contentOf(await postJson(server, '/chat/completions', chat))).toBe('second');
    expect(await contentOf(await postJson(server, '/chat/completions', chat))).toBe('Hello! This is the openai-micro test server.');
    route.reply(chatCompletionReply({ content: 'always' })).replyOnce(chatCompletionReply({ content: 'once more' }));
    expect(await contentOf(await postJson(server, '/chat/completions', chat))).toBe('once more');
    expect(await contentOf(await postJson(server, '/chat/completions', chat))).toBe('always');
    expect(await contentOf(await postJson(server, '/chat/completions', chat))).toBe('always');
    expect(route.requests).toHaveLength(6);
    route.clear();
    expect(await contentOf(await postJson(server, '/chat/completions', chat))).toMatch(/openai-micro/);
  });

  it('repeats a reply a given number of times', async () => {
    server.on('GET /v1/models').replyTimes(2, errorReply(503));
    const statuses = [];
    for (let index = 0; index < 3; index++) statuses.push((await fetch(`${server.url}/models`, { headers: bearer })).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('sends OpenAI-shaped errors with rate-limit and retry headers', async () => {
    server.replyOnce(
      'POST /v1/chat/completions',
      errorReply(429, {
        retryAfter: 2,
        retryAfterMilliseconds: 1500,
        rateLimit: { remainingRequests: 0, resetRequests: '6m0s', remainingTokens: 0, resetTokens: '1s' },
      }),
    );
    const response = await postJson(server, '/chat/completions', chat);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('retry-after-ms')).toBe('1500');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(response.headers.get('x-ratelimit-reset-requests')).toBe('6m0s');
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('10000');
    expect(await response.json()).toEqual({
      error: {
        message: 'Rate limit reached for requests. Please try again later.',
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    });
  });

  it('sends Azure-style error details and custom codes', async () => {
    server.replyOnce(
      'POST /v1/chat/completions',
      errorReply(400, {
        message: 'filtered',
        type: null,
        code: 'content_filter',
        param: 'prompt',
        innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: { hate: { filtered: true, severity: 'high' } } },
      }),
    );
    const body = await (await postJson(server, '/chat/completions', chat)).json();
    expect(body.error).toMatchObject({ type: null, code: 'content_filter', param: 'prompt' });
    expect(body.error.innererror.code).toBe('ResponsibleAIPolicyViolation');
  });

  it('sends any status, headers, text, binary and empty bodies', async () => {
    server
      .on('GET /v1/models')
      .replyOnce(jsonReply({ custom: true }, { status: 201, headers: { 'X-Custom': 'yes', 'x-request-id': 'req_mine' } }))
      .replyOnce(textReply('<html>bad gateway</html>', { status: 502, contentType: 'text/html' }))
      .replyOnce(binaryReply(new Uint8Array([1, 2, 3]), { contentType: 'application/x-thing' }))
      .replyOnce(emptyReply(204));
    const json = await fetch(`${server.url}/models`, { headers: bearer });
    expect([json.status, json.headers.get('x-custom'), json.headers.get('x-request-id')]).toEqual([201, 'yes', 'req_mine']);
    expect(await json.json()).toEqual({ custom: true });
    const html = await fetch(`${server.url}/models`, { headers: bearer });
    expect([html.status, html.headers.get('content-type'), await html.text()]).toEqual([502, 'text/html', '<html>bad gateway</html>']);
    const binary = await fetch(`${server.url}/models`, { headers: bearer });
    expect(new Uint8Array(await binary.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    const empty = await fetch(`${server.url}/models`, { headers: bearer });
    expect([empty.status, await empty.text()]).toEqual([204, '']);
  });

  it('waits the given delay before answering, and adds the server latency', async () => {
    const slow = await startTestServer({ latency: 50 });
    try {
      slow.on('GET /v1/models').replyOnce(jsonReply({}, { delay: 150 }));
      let started = performance.now();
      await fetch(`${slow.url}/models`, { headers: bearer });
      expect(performance.now() - started).toBeGreaterThanOrEqual(190);
      started = performance.now();
      await fetch(`${slow.url}/models`, { headers: bearer });
      expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    } finally {
      await slow.close();
    }
  });

  it('adjusts the default reply with defaultReply', async () => {
    server.on('POST /v1/chat/completions').replyOnce(defaultReply({ delay: 100, status: 202, headers: { 'x-extra': '1' } }));
    const started = performance.now();
    const response = await postJson(server, '/chat/completions', chat);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    expect([response.status, response.headers.get('x-extra')]).toEqual([202, '1']);
    expect((await response.json()).object).toBe('chat.completion');
  });

  it('computes replies from the request, and falls through when a function returns undefined', async () => {
    server.reply('GET /v1/models/{model}', (request, context) =>
      context.params.model === 'secret' ? errorReply(403, { message: `no ${request.params.model}` }) : undefined,
    );
    server.reply('POST /v1/chat/completions', async (_request, context) => {
      const reply = await context.defaultReply();
      return { ...reply, headers: { 'x-wrapped': 'yes' } };
    });
    const secret = await fetch(`${server.url}/models/secret`, { headers: bearer });
    expect([secret.status, (await secret.json()).error.message]).toEqual([403, 'no secret']);
    expect((await fetch(`${server.url}/models/gpt-4o-mini`, { headers: bearer })).status).toBe(200);
    const wrapped = await postJson(server, '/chat/completions', chat);
    expect(wrapped.headers.get('x-wrapped')).toBe('yes');
    expect((await wrapped.json()).choices).toHaveLength(1);
  });

  it('scripts routes that have no default', async () => {
    server.on('POST /v1/responses').reply(jsonReply({ id: 'resp_1', object: 'response' }));
    expect(await (await postJson(server, '/responses', {})).json()).toEqual({ id: 'resp_1', object: 'response' });
  });

  it('answers 500 with the message when a reply function throws', async () => {
    server.replyOnce('GET /v1/models', () => {
      throw new Error('test bug');
    });
    const response = await fetch(`${server.url}/models`, { headers: bearer });
    expect(response.status).toBe(500);
    expect((await response.json()).error.message).toContain('test bug');
  });

  it('hangs until the client gives up, and can stall after the headers', async () => {
    server.on('GET /v1/models').replyOnce(hangReply()).replyOnce(hangReply({ afterHeaders: true }));
    await expect(fetch(`${server.url}/models`, { headers: bearer, signal: AbortSignal.timeout(100) })).rejects.toThrow();
    const response = await fetch(`${server.url}/models`, { headers: bearer });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const read = reader.read();
    const raced = await Promise.race([read.then(() => 'data'), new Promise((resolve) => setTimeout(resolve, 150, 'stalled'))]);
    expect(raced).toBe('stalled');
    await reader.cancel();
  });

  it('drops the connection with disconnectReply', async () => {
    server.on('POST /v1/embeddings').replyOnce(disconnectReply());
    await expect(postJson(server, '/embeddings', { model: 'x', input: 'y' })).rejects.toThrow();
    expect((await postJson(server, '/embeddings', { model: 'x', input: 'y' })).status).toBe(200);
  });

  it('keeps script handles working across reset, which clears scripts, requests and state', async () => {
    const models = server.on('GET /v1/models').reply(errorReply(500));
    await fetch(`${server.url}/models`, { headers: bearer });
    server.reset();
    expect(server.requests).toHaveLength(0);
    expect((await fetch(`${server.url}/models`, { headers: bearer })).status).toBe(200);
    models.replyOnce(errorReply(502));
    expect((await fetch(`${server.url}/models`, { headers: bearer })).status).toBe(502);
    expect(server.lastRequest()?.sequence).toBe(2);
  });
});
