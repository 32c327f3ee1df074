import { describe, expect, it } from 'vitest';
import { listFineTuneEvents } from './list-fine-tune-events.js';
import { useServer } from './test-support.test-helper.js';

const events = { object: 'list', data: [{ object: 'fine-tune-event', created_at: 1, level: 'info', message: 'Created fine-tune' }] };
const context = useServer((_request, reply) => reply.json(200, events));

describe('listFineTuneEvents (legacy)', () => {
  it('GETs /fine-tunes/{fine_tune_id}/events and returns the list', async () => {
    const list = await listFineTuneEvents(context.client(), { fine_tune_id: 'ft-abc' });
    expect(context.server.requests.map((seen) => [seen.method, seen.url])).toEqual([['GET', '/v1/fine-tunes/ft-abc/events']]);
    expect(list).toEqual(events);
  });
});
