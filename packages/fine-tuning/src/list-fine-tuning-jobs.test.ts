import { describe, expect, it } from 'vitest';
import { listFineTuningJobs } from './list-fine-tuning-jobs.js';
import { jobFixture, pagedHandler, useServer } from './test-support.test-helper.js';

const pages = [
  [jobFixture({ id: 'ftjob-1' }), jobFixture({ id: 'ftjob-2' })],
  [jobFixture({ id: 'ftjob-3' }), jobFixture({ id: 'ftjob-4' })],
  [jobFixture({ id: 'ftjob-5' })],
] as { id: string }[][];
const context = useServer(pagedHandler(pages));

describe('listFineTuningJobs', () => {
  it('GETs /fine_tuning/jobs with after and limit and returns the first page', async () => {
    const page = await listFineTuningJobs(context.client(), { after: 'ftjob-2', limit: 2 });
    expect(context.server.requests.map((seen) => [seen.method, seen.url])).toEqual([['GET', '/v1/fine_tuning/jobs?after=ftjob-2&limit=2']]);
    expect(page.data.map((job) => job.id)).toEqual(['ftjob-3', 'ftjob-4']);
    expect(page.has_more).toBe(true);
  });

  it('sends no query without parameters and walks three pages with the after cursor', async () => {
    const ids: string[] = [];
    for await (const job of await listFineTuningJobs(context.client())) ids.push(job.id);
    expect(ids).toEqual(['ftjob-1', 'ftjob-2', 'ftjob-3', 'ftjob-4', 'ftjob-5']);
    expect(context.server.requests.map((seen) => seen.url)).toEqual([
      '/v1/fine_tuning/jobs',
      '/v1/fine_tuning/jobs?after=ftjob-2',
      '/v1/fine_tuning/jobs?after=ftjob-4',
    ]);
  });
});
