import { describe, expect, it } from 'vitest';
import { cancelFineTuningJob } from './cancel-fine-tuning-job.js';
import { jobFixture, useServer } from './test-support.test-helper.js';

const context = useServer((_request, reply) => reply.json(200, jobFixture({ status: 'cancelled' })));

describe('cancelFineTuningJob', () => {
  it('POSTs /fine_tuning/jobs/{fine_tuning_job_id}/cancel without a body', async () => {
    const job = await cancelFineTuningJob(context.client(), { fine_tuning_job_id: 'ftjob-abc' });
    const [seen] = context.server.requests;
    expect([seen?.method, seen?.url]).toEqual(['POST', '/v1/fine_tuning/jobs/ftjob-abc/cancel']);
    expect(seen?.body.length).toBe(0);
    expect(seen?.headers['content-type']).toBeUndefined();
    expect(job.status).toBe('cancelled');
  });
});
