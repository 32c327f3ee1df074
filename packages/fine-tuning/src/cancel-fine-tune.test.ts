import { describe, expect, it } from 'vitest';
import { cancelFineTune } from './cancel-fine-tune.js';
import { useServer } from './test-support.test-helper.js';

const context = useServer((_request, reply) => reply.json(200, { id: 'ft-abc', object: 'fine-tune', status: 'cancelled' }));

describe('cancelFineTune (legacy)', () => {
  it('POSTs /fine-tunes/{fine_tune_id}/cancel without a body', async () => {
    const fineTune = await cancelFineTune(context.client(), { fine_tune_id: 'ft-abc' });
    const [seen] = context.server.requests;
    expect([seen?.method, seen?.url, seen?.body.length]).toEqual(['POST', '/v1/fine-tunes/ft-abc/cancel', 0]);
    expect(fineTune.status).toBe('cancelled');
  });
});
