import { InputRejectedError, isNotFoundError } from '@openai-micro/core';
import { describe, expect, it } from 'vitest';
import { retrieveFineTuningJob } from './retrieve-fine-tuning-job.js';
import { jobFixture, useServer } from './test-support.test-helper.js';

const context = useServer((request, reply) =>
  request.path === '/v1/fine_tuning/jobs/ftjob-abc'
    ? reply.json(200, jobFixture({ status: 'failed', error: { code: 'invalid_training_file', message: 'bad line 3', param: 'training_file' } }))
    : reply.json(404, { error: { message: 'not found', type: 'invalid_request_error' } }),
);

describe('retrieveFineTuningJob', () => {
  it('GETs /fine_tuning/jobs/{fine_tuning_job_id} and returns the job with its error', async () => {
    const job = await retrieveFineTuningJob(context.client(), { fine_tuning_job_id: 'ftjob-abc' });
    expect(context.server.requests.map((seen) => [seen.method, seen.url, seen.body.length])).toEqual([['GET', '/v1/fine_tuning/jobs/ftjob-abc', 0]]);
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({ code: 'invalid_training_file', message: 'bad line 3', param: 'training_file' });
  });

  it('encodes the id as one segment and types the 404', async () => {
    const failure = await retrieveFineTuningJob(context.client(), { fine_tuning_job_id: 'a/../b' }).catch((error: unknown) => error);
    expect(context.server.requests[0]?.path).toBe('/v1/fine_tuning/jobs/a%2F..%2Fb');
    expect(isNotFoundError(failure)).toBe(true);
  });

  it('refuses an empty id before sending', async () => {
    const failure = await retrieveFineTuningJob(context.client(), { fine_tuning_job_id: '' }).catch((error: unknown) => error);
    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('fine_tuning_job_id');
    expect(context.server.requests).toHaveLength(0);
  });
});
