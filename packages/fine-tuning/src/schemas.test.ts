import { createClient, ResponseParseError } from '@openai-micro/core';
import { jsonReply, startTestServer, type TestServer } from '@openai-micro/testing';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cancelFineTuningJob } from './cancel-fine-tuning-job.js';
import { createFineTuningJob } from './create-fine-tuning-job.js';
import { listFineTuningEvents } from './list-fine-tuning-events.js';
import { listFineTuningJobs } from './list-fine-tuning-jobs.js';
import { retrieveFineTuningJob } from './retrieve-fine-tuning-job.js';
import {
  createFineTuningJobSchema,
  createListFineTuningJobEventsResponseSchema,
  createListPaginatedFineTuningJobsResponseSchema,
} from './schemas.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => server.reset());
afterAll(() => server.close());

const client = () => createClient({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });
const schema = { schema: createFineTuningJobSchema() };
const create = () => createFineTuningJob(client(), { training_file: 'file-abc', model: 'gpt-4o-mini-2024-07-18', suffix: 'demo' }, schema);

describe('fine-tuning response schemas', () => {
  it('validate a job through every state to succeeded, and a cancelled one', async () => {
    const job = await create();
    const statuses = [job.status];
    while (statuses.at(-1) !== 'succeeded') statuses.push((await retrieveFineTuningJob(client(), { fine_tuning_job_id: job.id }, schema)).status);
    expect(statuses).toEqual(['validating_files', 'queued', 'running', 'succeeded']);
    const cancelled = await cancelFineTuningJob(client(), { fine_tuning_job_id: (await create()).id }, schema);
    expect(cancelled.status).toBe('cancelled');
  });

  it('validate every page of the job list and the events', async () => {
    const jobs = [await create(), await create(), await create()];
    const listed: string[] = [];
    for await (const job of await listFineTuningJobs(client(), { limit: 2 }, { schema: createListPaginatedFineTuningJobsResponseSchema() })) listed.push(job.id);
    expect(listed.sort()).toEqual(jobs.map((job) => job.id).sort());
    expect(server.requestsTo('GET /v1/fine_tuning/jobs')).toHaveLength(2);
    const events = await listFineTuningEvents(client(), { fine_tuning_job_id: jobs[0]!.id }, { schema: createListFineTuningJobEventsResponseSchema() });
    expect(events.data.length).toBeGreaterThan(0);
    expect(createFineTuningJobSchema()).toBe(createFineTuningJobSchema());
  });

  it("accept the API's `{}` error of a job that has not failed, and newer fields", () => {
    const job = {
      object: 'fine_tuning.job',
      id: 'ftjob-1',
      model: 'gpt-4o-2024-08-06',
      created_at: 1725983532,
      finished_at: null,
      fine_tuned_model: null,
      organization_id: 'org-1',
      result_files: [],
      status: 'validating_files',
      validation_file: null,
      training_file: 'file-1',
      hyperparameters: { n_epochs: 'auto', batch_size: 'auto', learning_rate_multiplier: 'auto' },
      trained_tokens: null,
      error: {},
      seed: 342466478,
      integrations: [],
    };
    expect(v.parse(createFineTuningJobSchema(), job)).toEqual(job);
  });

  it('reject a malformed job with ResponseParseError carrying the issues', async () => {
    const job = await create();
    server.replyOnce('GET /v1/fine_tuning/jobs/{fine_tuning_job_id}', jsonReply({ ...job, result_files: 'file-1', hyperparameters: { n_epochs: 'many' } }));
    const error = await retrieveFineTuningJob(client(), { fine_tuning_job_id: job.id }, schema).catch((caught: unknown) => caught);
    expect(ResponseParseError.isInstance(error)).toBe(true);
    expect((error as ResponseParseError).issues?.map((issue) => v.getDotPath(issue as v.BaseIssue<unknown>))).toEqual(['hyperparameters.n_epochs', 'result_files']);
  });
});
