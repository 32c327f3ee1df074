import { describe, expect, it } from 'vitest';
import { listFineTuningEvents } from './list-fine-tuning-events.js';
import { pagedHandler, useServer } from './test-support.test-helper.js';

const event = (id: string, fields: Record<string, unknown> = {}) => ({
  object: 'fine_tuning.job.event',
  id,
  created_at: 1_700_000_000,
  level: 'info',
  message: `event ${id}`,
  type: 'message',
  data: {},
  ...fields,
});
const pages = [
  [event('ev-5', { type: 'metrics', data: { step: 10, train_loss: 0.25 } }), event('ev-4')],
  [event('ev-3'), event('ev-2', { level: 'warn' })],
  [event('ev-1')],
];
const context = useServer(pagedHandler(pages));

describe('listFineTuningEvents', () => {
  it('GETs /fine_tuning/jobs/{fine_tuning_job_id}/events with after and limit, keeping id, type and data', async () => {
    const page = await listFineTuningEvents(context.client(), { fine_tuning_job_id: 'ftjob-abc', limit: 2 });
    expect(context.server.requests.map((seen) => [seen.method, seen.url])).toEqual([['GET', '/v1/fine_tuning/jobs/ftjob-abc/events?limit=2']]);
    expect(page.data[0]).toEqual({
      object: 'fine_tuning.job.event',
      id: 'ev-5',
      created_at: 1_700_000_000,
      level: 'info',
      message: 'event ev-5',
      type: 'metrics',
      data: { step: 10, train_loss: 0.25 },
    });
  });

  it('walks three pages with the after cursor, keeping the limit', async () => {
    const ids: string[] = [];
    for await (const item of await listFineTuningEvents(context.client(), { fine_tuning_job_id: 'ftjob-abc', limit: 2 })) ids.push(item.id);
    expect(ids).toEqual(['ev-5', 'ev-4', 'ev-3', 'ev-2', 'ev-1']);
    expect(context.server.requests.map((seen) => seen.url)).toEqual([
      '/v1/fine_tuning/jobs/ftjob-abc/events?limit=2',
      '/v1/fine_tuning/jobs/ftjob-abc/events?limit=2&after=ev-4',
      '/v1/fine_tuning/jobs/ftjob-abc/events?limit=2&after=ev-2',
    ]);
  });

  it('refuses a missing job id before sending', async () => {
    const failure = await listFineTuningEvents(context.client(), { fine_tuning_job_id: undefined as unknown as string }).catch((error: unknown) => error);
    expect((failure as Error).name).toBe('InputRejectedError');
    expect(context.server.requests).toHaveLength(0);
  });
});
