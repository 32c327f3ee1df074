import { describe, expect, it } from 'vitest';
import { InputRejectedError } from './errors.js';
import { encodePathSegment, pathFor } from './path.js';
import { request } from './request-json.js';
import { rejectionOf, transports, useLoopbackServer } from './test-support.test-helper.js';

function refusal(action: () => unknown): InputRejectedError {
  try {
    action();
  } catch (error) {
    expect(InputRejectedError.isInstance(error)).toBe(true);
    return error as InputRejectedError;
  }
  throw new Error('expected an InputRejectedError');
}

describe('encodePathSegment', () => {
  it.each([
    ['file-abc', 'file-abc'],
    ['a/b', 'a%2Fb'],
    ['../x', '..%2Fx'],
    ['a?b#c', 'a%3Fb%23c'],
    ['a\\b', 'a%5Cb'],
    ['%2e%2e', '%252e%252e'],
    ['ft:gpt-3.5-turbo:org:custom:id', 'ft%3Agpt-3.5-turbo%3Aorg%3Acustom%3Aid'],
    ['モデル-é', '%E3%83%A2%E3%83%87%E3%83%AB-%C3%A9'],
    ['🙂', '%F0%9F%99%82'],
    ['...', '...'],
    [' ', '%20'],
  ])('encodes %j as the single segment %s', (value, encoded) => {
    expect(encodePathSegment(value, 'id')).toBe(encoded);
  });

  it.each([
    ['', 'empty'],
    ['.', '"."'],
    ['..', '".."'],
  ])('refuses %j before sending', (value, said) => {
    const error = refusal(() => encodePathSegment(value, 'file_id'));
    expect(error.field).toBe('file_id');
    expect(error.message).toContain(said);
    expect(error.message).toContain('file_id');
  });

  it.each([[undefined], [null], [42], [{ id: 'x' }], [['a']], [true]])('refuses the non-string %j', (value) => {
    const error = refusal(() => encodePathSegment(value, 'thread_id'));
    expect(error.field).toBe('thread_id');
    expect(error.message).toContain('string');
  });

  it('refuses a lone surrogate as input rather than throwing URIError', () => {
    expect(refusal(() => encodePathSegment('a\uD800b', 'id')).field).toBe('id');
  });
});

describe('pathFor', () => {
  it('fills every placeholder by name', () => {
    expect(pathFor('/threads/{thread_id}/runs/{run_id}/steps/{step_id}', { thread_id: 'thread_1', run_id: 'run/2', step_id: 'step 3' })).toBe(
      '/threads/thread_1/runs/run%2F2/steps/step%203',
    );
  });

  it('refuses a missing parameter, naming it', () => {
    expect(refusal(() => pathFor('/threads/{thread_id}/runs/{run_id}', { thread_id: 'thread_1' })).field).toBe('run_id');
  });
});

describe.each(transports)('path parameters on the wire over %s', (_name, transport) => {
  const loopback = useLoopbackServer(transport);

  it.each([
    ['a/b', '/v1/files/a%2Fb'],
    ['../x', '/v1/files/..%2Fx'],
    ['..%2Fx', '/v1/files/..%252Fx'],
    ['fïlé 🙂', '/v1/files/f%C3%AFl%C3%A9%20%F0%9F%99%82'],
  ])('sends %j as one encoded segment, not a different path', async (id, path) => {
    loopback.server.handler = (_request, reply) => reply.json(200, { id });
    const file = await request<{ id: string }>(loopback.client(), { method: 'GET', path: pathFor('/files/{file_id}', { file_id: id }) });
    expect(file.id).toBe(id);
    expect(loopback.server.requests.map((received) => received.path)).toEqual([path]);
    expect(decodeURIComponent(path.slice('/v1/files/'.length))).toBe(id);
  });

  it('sends nothing for a refused id', async () => {
    loopback.server.handler = (_request, reply) => reply.json(200, {});
    const error = await rejectionOf((async () => request(loopback.client(), { method: 'DELETE', path: pathFor('/files/{file_id}', { file_id: '..' }) }))());
    expect(InputRejectedError.isInstance(error)).toBe(true);
    expect(loopback.server.requests).toHaveLength(0);
  });
});
