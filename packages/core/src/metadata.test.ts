import { describe, expect, it } from 'vitest';
import { attachResponseMetadata, getResponseMetadata, parseDuration, parseRateLimitHeaders } from './metadata.js';
import { requestPage } from './pagination.js';
import { requestBinary } from './request-binary.js';
import { request, requestText } from './request-json.js';
import { requestStream } from './stream.js';
import { collect, transports, useLoopbackServer } from './test-support.test-helper.js';

describe('parseDuration', () => {
  it.each([
    ['6m0s', 360_000],
    ['1.5s', 1500],
    ['20ms', 20],
    ['1h2m3.5s', 3_723_500],
    ['0s', 0],
    ['2', 2000],
    ['0.5', 500],
    ['17ms', 17],
    ['1m', 60_000],
    ['250us', 0.25],
    ['100ns', 0.0001],
    [' 7s ', 7000],
  ])('parses %j as %d ms', (text, milliseconds) => {
    expect(parseDuration(text)).toBeCloseTo(milliseconds, 6);
  });

  it.each([[''], ['garbage'], ['5 s'], ['-1s'], ['1s2'], ['s'], ['1d'], ['1.s'], ['1m x'], ['NaN'], ['Infinity']])('returns undefined for %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('parseRateLimitHeaders', () => {
  it('parses the limits, remaining counts and reset durations', () => {
    const headers = new Headers({
      'x-ratelimit-limit-requests': '3500',
      'x-ratelimit-limit-tokens': '90000',
      'x-ratelimit-remaining-requests': '3499',
      'x-ratelimit-remaining-tokens': '89000',
      'x-ratelimit-reset-requests': '17ms',
      'x-ratelimit-reset-tokens': '6m0s',
    });
    expect(parseRateLimitHeaders(headers)).toEqual({
      limitRequests: 3500,
      limitTokens: 90000,
      remainingRequests: 3499,
      remainingTokens: 89000,
      resetRequestsMs: 17,
      resetTokensMs: 360_000,
    });
  });

  it('leaves missing and unreadable values undefined', () => {
    expect(parseRateLimitHeaders(new Headers({ 'x-ratelimit-limit-requests': 'lots', 'x-ratelimit-remaining-tokens': '', 'x-ratelimit-reset-tokens': 'soon' }))).toEqual({
      limitRequests: undefined,
      limitTokens: undefined,
      remainingRequests: undefined,
      remainingTokens: undefined,
      resetRequestsMs: undefined,
      resetTokensMs: undefined,
    });
  });
});

describe('getResponseMetadata', () => {
  it('throws a TypeError for values that did not come from an operation', () => {
    for (const value of [{}, [], { status: 200, headers: new Headers() }, new ReadableStream(), null, undefined, 'text', 42]) {
      expect(() => getResponseMetadata(value as object)).toThrow(TypeError);
      expect(() => getResponseMetadata(value as object)).toThrow(/did not come from an openai-micro operation/);
    }
  });

  it('stays out of JSON, deep equality, keys and spreads', () => {
    const result = attachResponseMetadata({ id: 'x' }, 200, new Headers({ 'x-request-id': 'req_1' }));
    expect(JSON.stringify(result)).toBe('{"id":"x"}');
    expect(result).toEqual({ id: 'x' });
    expect(result).toStrictEqual({ id: 'x' });
    expect(Object.keys(result)).toEqual(['id']);
    expect(getResponseMetadata(result).requestId).toBe('req_1');
  });
});

describe.each(transports)('response metadata of every result kind over %s', (name, transport) => {
  const loopback = useLoopbackServer(transport);
  const headers = {
    'x-request-id': 'req_meta',
    'x-ratelimit-limit-tokens': '1000',
    'x-ratelimit-remaining-tokens': '990',
    'x-ratelimit-reset-tokens': '1h2m3.5s',
    'openai-processing-ms': '12',
  };
  const expectMetadata = (result: object, status = 200) => {
    const metadata = getResponseMetadata(result);
    expect(metadata.status).toBe(status);
    expect(metadata.requestId).toBe('req_meta');
    expect(metadata.headers.get('openai-processing-ms')).toBe('12');
    expect(metadata.transport).toBe(name);
    expect(metadata.rateLimit).toMatchObject({ limitTokens: 1000, remainingTokens: 990, resetTokensMs: 3_723_500 });
  };

  it('on JSON results, without showing in JSON or equality', async () => {
    loopback.server.handler = (_request, reply) => reply.json(201, { id: 'model-1', object: 'model' }, headers);
    const result = await request<{ id: string }>(loopback.client(), { method: 'GET', path: '/models/model-1' });
    expectMetadata(result, 201);
    expect(result).toEqual({ id: 'model-1', object: 'model' });
    expect(JSON.stringify(result)).toBe('{"id":"model-1","object":"model"}');
  });

  it('on JSON array results', async () => {
    loopback.server.handler = (_request, reply) => reply.json(200, [1, 2], headers);
    const result = await request<number[]>(loopback.client(), { method: 'GET', path: '/numbers' });
    expectMetadata(result);
    expect(result).toEqual([1, 2]);
  });

  it('on text results', async () => {
    loopback.server.handler = (_request, reply) => reply.send(200, 'WEBVTT\n', { ...headers, 'content-type': 'text/vtt' });
    const result = await requestText(loopback.client(), { method: 'POST', path: '/audio/transcriptions', body: {} });
    expect(result).toEqual({ text: 'WEBVTT\n' });
    expectMetadata(result);
  });

  it('on streams', async () => {
    loopback.server.handler = (_request, reply) => reply.sse(['data: {"n":1}\n\n', 'data: [DONE]\n\n'], { headers });
    const stream = await requestStream(loopback.client(), { method: 'POST', path: '/chat/completions', body: {} });
    expectMetadata(stream);
    await collect(stream);
  });

  it('on binary bodies', async () => {
    loopback.server.handler = (_request, reply) => reply.send(200, Buffer.from([1, 2, 3]), { ...headers, 'content-type': 'audio/mpeg' });
    const binary = await requestBinary(loopback.client(), { method: 'POST', path: '/audio/speech', body: {} });
    expectMetadata(binary);
    expect([...(await binary.bytes())]).toEqual([1, 2, 3]);
  });

  it('on pages', async () => {
    loopback.server.handler = (_request, reply) => reply.json(200, { object: 'list', data: [{ id: 'a' }], has_more: false }, headers);
    const page = await requestPage(loopback.client(), { method: 'GET', path: '/files' });
    expectMetadata(page);
  });
});
