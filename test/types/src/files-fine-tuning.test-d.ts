import { type BinaryStream, createClient, type DeletionStatus, type OpenAIFile, type Page } from '@openai-micro/core';
import { createFile, deleteFile, downloadFile, FilePurpose, listFiles, retrieveFile } from '@openai-micro/files';
import { saveToFile } from '@openai-micro/files/node';
import {
  createFineTuningJob,
  type FineTuningJob,
  type FineTuningJobEvent,
  type FineTuningJobStatus,
  type FineTuningJobUpdate,
  listFineTuningEvents,
  listFineTuningJobs,
  retrieveFineTuningJob,
  watchFineTuningJob,
} from '@openai-micro/fine-tuning';
import { describe, expectTypeOf, test } from 'vitest';

const client = createClient({ apiKey: 'sk-test' });

describe('files', () => {
  test('operations take wire-named params and resolve to the core file types', async () => {
    expectTypeOf(createFile(client, { file: './train.jsonl', purpose: FilePurpose.FineTune })).resolves.toEqualTypeOf<OpenAIFile>();
    createFile(client, { file: { data: new Uint8Array(1), name: 'train.jsonl' }, purpose: 'a-newer-purpose' }, { onUploadProgress: ({ loaded }) => loaded });
    expectTypeOf(retrieveFile(client, { file_id: 'file-abc' })).resolves.toEqualTypeOf<OpenAIFile>();
    expectTypeOf(deleteFile(client, { file_id: 'file-abc' })).resolves.toEqualTypeOf<DeletionStatus>();
    const content = await downloadFile(client, { file_id: 'file-abc' });
    expectTypeOf(content).toEqualTypeOf<BinaryStream>();
    expectTypeOf(saveToFile(content, 'out.jsonl')).resolves.toEqualTypeOf<number>();
    // @ts-expect-error purpose is required
    createFile(client, { file: './train.jsonl' });
    // @ts-expect-error the wire name is file_id
    retrieveFile(client, { id: 'file-abc' });
  });

  test('listFiles resolves to a page whose iteration yields files', async () => {
    const page = await listFiles(client, { purpose: 'assistants', limit: 10 });
    expectTypeOf(page).toEqualTypeOf<Page<OpenAIFile>>();
    for await (const file of page) expectTypeOf(file).toEqualTypeOf<OpenAIFile>();
    listFiles(client);
  });
});

describe('fine-tuning', () => {
  test('jobs and their events', async () => {
    expectTypeOf(createFineTuningJob(client, { training_file: 'file-abc', model: 'gpt-4o-mini' })).resolves.toEqualTypeOf<FineTuningJob>();
    expectTypeOf(retrieveFineTuningJob(client, { fine_tuning_job_id: 'ftjob-abc' })).resolves.toEqualTypeOf<FineTuningJob>();
    const jobs = await listFineTuningJobs(client, { limit: 5 });
    for await (const job of jobs) expectTypeOf(job.status).toEqualTypeOf<FineTuningJobStatus>();
    const events = await listFineTuningEvents(client, { fine_tuning_job_id: 'ftjob-abc' });
    for await (const event of events) expectTypeOf(event).toEqualTypeOf<FineTuningJobEvent>();
    // @ts-expect-error the job id is required
    listFineTuningEvents(client, { limit: 5 });
    // @ts-expect-error training_file is required
    createFineTuningJob(client, { model: 'gpt-4o-mini' });
  });

  test('watchFineTuningJob yields updates and returns the final job', async () => {
    const watch = watchFineTuningJob(client, { fine_tuning_job_id: 'ftjob-abc' }, { intervalMs: 1000 });
    expectTypeOf(watch).toEqualTypeOf<AsyncGenerator<FineTuningJobUpdate, FineTuningJob, undefined>>();
    for await (const update of watch) {
      if (update.type === 'event') expectTypeOf(update.event).toEqualTypeOf<FineTuningJobEvent>();
      if (update.type === 'status') expectTypeOf(update.status).toEqualTypeOf<FineTuningJobStatus>();
    }
  });
});
