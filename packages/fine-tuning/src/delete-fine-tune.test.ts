import { describe, expect, it } from 'vitest';
import { deleteFineTune } from './delete-fine-tune.js';
import { useServer } from './test-support.test-helper.js';

const context = useServer((_request, reply) => reply.json(200, { id: 'ft-abc', object: 'fine-tune', deleted: true }));

describe('deleteFineTune (legacy)', () => {
  it('sends DELETE /fine-tunes/{fine_tune_id} and returns the deletion status', async () => {
    const result = await deleteFineTune(context.client(), { fine_tune_id: 'ft-abc' });
    expect(context.server.requests.map((seen) => [seen.method, seen.url])).toEqual([['DELETE', '/v1/fine-tunes/ft-abc']]);
    expect(result).toEqual({ id: 'ft-abc', object: 'fine-tune', deleted: true });
  });
});
