import { describe, expect, it } from 'vitest';
import { retrieveFineTune } from './retrieve-fine-tune.js';
import { useServer } from './test-support.test-helper.js';

const context = useServer((request, reply) => reply.json(200, { id: request.path.split('/').at(-1), object: 'fine-tune', status: 'succeeded', events: [{ object: 'fine-tune-event', created_at: 1, level: 'info', message: 'done' }] }));

describe('retrieveFineTune (legacy)', () => {
  it('GETs /fine-tunes/{fine_tune_id} and returns the fine-tune with its events', async () => {
    const fineTune = await retrieveFineTune(context.client(), { fine_tune_id: 'ft-abc' });
    expect(context.server.requests.map((seen) => [seen.method, seen.url])).toEqual([['GET', '/v1/fine-tunes/ft-abc']]);
    expect(fineTune.id).toBe('ft-abc');
    expect(fineTune.events?.[0]?.message).toBe('done');
  });
});
