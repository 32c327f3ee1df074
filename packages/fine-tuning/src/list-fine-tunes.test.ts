import { describe, expect, it } from 'vitest';
import { listFineTunes } from './list-fine-tunes.js';
import { useServer } from './test-support.test-helper.js';

const context = useServer((_request, reply) => reply.json(200, { object: 'list', data: [{ id: 'ft-1' }, { id: 'ft-2' }] }));

describe('listFineTunes (legacy)', () => {
  it('GETs /fine-tunes and returns the unpaginated list', async () => {
    const list = await listFineTunes(context.client(), {}, { headers: { 'X-Trace': 'one' } });
    expect(context.server.requests.map((seen) => [seen.method, seen.url, seen.headers['x-trace']])).toEqual([['GET', '/v1/fine-tunes', 'one']]);
    expect(list).toEqual({ object: 'list', data: [{ id: 'ft-1' }, { id: 'ft-2' }] });
  });
});
