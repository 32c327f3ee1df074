import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server';
import { bearer, getJson, postJson } from '../test-support';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const createJob = async (suffix?: string) =>
  (await postJson(server, '/fine_tuning/jobs', { model: 'gpt-3.5-turbo', training_file: 'file-abc', suffix })).json();

describe('fine-tuning jobs', () => {
  it('pages jobs newest first with after and limit', async () => {
    for (let index = 0; index < 5; index++) await createJob();
    const first = await getJson(server, '/fine_tuning/jobs?limit=2');
    expect(first.data.map((job: any) => job.id)).toEqual(['ftjob-000005', 'ftjob-000004']);
    expect(first.has_more).toBe(true);
    const second = await getJson(server, '/fine_tuning/jobs?limit=2&after=ftjob-000004');
    expect(second.data.map((job: any) => job.id)).toEqual(['ftjob-000003', 'ftjob-000002']);
    const last = await getJson(server, '/fine_tuning/jobs?limit=2&after=ftjob-000002');
    expect(last).toEqual({ object: 'list', data: [expect.objectContaining({ id: 'ftjob-000001' })], has_more: false });
  });

  it('moves a job on with each retrieve and adds the fine-tuned model', async () => {
    const job = await createJob('demo');
    expect(job).toMatchObject({ object: 'fine_tuning.job', status: 'validating_files', fine_tuned_model: null, hyperparameters: { n_epochs: 'auto' } });
    const statuses = [];
    for (let index = 0; index < 4; index++) statuses.push((await getJson(server, `/fine_tuning/jobs/${job.id}`)).status);
    expect(statuses).toEqual(['queued', 'running', 'succeeded', 'succeeded']);
    const done = await getJson(server, `/fine_tuning/jobs/${job.id}`);
    expect(done.fine_tuned_model).toBe('ft:gpt-3.5-turbo:openai-micro:demo:000001');
    expect((await getJson(server, `/models/${done.fine_tuned_model}`)).owned_by).toBe('user-openai-micro');
    expect((await getJson(server, `/files/${done.result_files[0]}`)).purpose).toBe('fine-tune-results');
    const events = await getJson(server, `/fine_tuning/jobs/${job.id}/events?limit=2`);
    expect(events.data.map((event: any) => event.message)).toEqual([
      'The job has successfully completed',
      'Fine-tuning job started',
    ]);
    expect(events.has_more).toBe(true);
    const older = await getJson(server, `/fine_tuning/jobs/${job.id}/events?after=${events.data[1].id}`);
    expect(older.data.map((event: any) => event.object)).toEqual(['fine_tuning.job.event', 'fine_tuning.job.event']);
    expect(older.has_more).toBe(false);
  });

  it('cancels a running job once', async () => {
    const job = await createJob();
    const cancelled = await (await postJson(server, `/fine_tuning/jobs/${job.id}/cancel`, undefined)).json();
    expect(cancelled.status).toBe('cancelled');
    expect((await postJson(server, `/fine_tuning/jobs/${job.id}/cancel`, undefined)).status).toBe(400);
    expect((await fetch(`${server.url}/fine_tuning/jobs/ftjob-nope`, { headers: bearer })).status).toBe(404);
  });
});

describe('legacy fine-tunes', () => {
  it('creates, lists, progresses, cancels, lists events and deletes', async () => {
    const created = await (await postJson(server, '/fine-tunes', { training_file: 'file-abc', model: 'curie' })).json();
    expect(created).toMatchObject({ id: 'ft-000001', object: 'fine-tune', status: 'pending', training_files: [{ id: 'file-abc' }] });
    expect((await getJson(server, '/fine-tunes')).data).toHaveLength(1);
    expect((await getJson(server, '/fine-tunes/ft-000001')).status).toBe('running');
    expect((await getJson(server, '/fine-tunes/ft-000001')).fine_tuned_model).toBe('curie:ft-openai-micro-000001');
    const second = await (await postJson(server, '/fine-tunes', { training_file: 'file-abc' })).json();
    expect((await (await postJson(server, `/fine-tunes/${second.id}/cancel`, undefined)).json()).status).toBe('cancelled');
    const events = await getJson(server, `/fine-tunes/${second.id}/events`);
    expect(events.data.map((event: any) => event.message)).toEqual(['Created fine-tune: ft-000002', 'Fine-tune cancelled']);
    const deleted = await fetch(`${server.url}/fine-tunes/${second.id}`, { method: 'DELETE', headers: bearer });
    expect(await deleted.json()).toEqual({ id: 'ft-000002', object: 'fine-tune', deleted: true });
  });
});
