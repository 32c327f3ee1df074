import { describe, expect, it } from 'vitest';
import { findRoute, matchRoute, parseRoute } from './router';

describe('routes', () => {
  it('matches method and path and decodes parameters', () => {
    const pattern = parseRoute('get /v1/files/{file_id}/content');
    expect(pattern.source).toBe('GET /v1/files/{file_id}/content');
    expect(matchRoute(pattern, 'GET', '/v1/files/file%2Dabc/content')).toEqual({ file_id: 'file-abc' });
    expect(matchRoute(pattern, 'POST', '/v1/files/file-abc/content')).toBeUndefined();
    expect(matchRoute(pattern, 'GET', '/v1/files/file-abc')).toBeUndefined();
    expect(matchRoute(pattern, 'GET', '/v1/files//content')).toBeUndefined();
  });

  it('treats a missing method or * as any method, and ignores a trailing slash', () => {
    expect(matchRoute(parseRoute('/v1/models'), 'DELETE', '/v1/models/')).toEqual({});
    expect(matchRoute(parseRoute('* /v1/models'), 'GET', '/v1/models')).toEqual({});
  });

  it('prefers the route with fewer parameters', () => {
    const routes = ['POST /v1/threads/{thread_id}', 'POST /v1/threads/runs'].map((route) => ({ pattern: parseRoute(route) }));
    expect(findRoute(routes, 'POST', '/v1/threads/runs')?.route.pattern.source).toBe('POST /v1/threads/runs');
    expect(findRoute(routes, 'POST', '/v1/threads/thread_1')?.params).toEqual({ thread_id: 'thread_1' });
  });

  it('rejects a route without a path', () => {
    expect(() => parseRoute('POST chat/completions')).toThrow(TypeError);
  });
});
