import { getResponseMetadata } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import { describe, expect, it } from 'vitest';
import { createFineTuningJob } from './create-fine-tuning-job.js';
import { jobFixture, jsonBody, testApiKey, useServer } from './test-support.test-helper.js';

const context = useServer((_request, reply) => reply.json(200, jobFixture({ status: 'validating_files' }), { 'x-request-id': 'req_create' }));

describe('createFineTuningJob', () => {
  it('POSTs /fine_tuning/jobs with the body as set, "auto" and numbers alike', async () => {
    const params = {
      training_file: 'file-train',
      validation_file: 'file-valid',
      model: 'gpt-3.5-turbo',
      hyperparameters: { n_epochs: 'auto' as const, batch_size: 0, learning_rate_multiplier: 0.5 },
      suffix: '',
      seed: 7,
    };
    const job = await createFineTuningJob(context.client(), params);

    const [seen] = context.server.requests;
    expect(seen?.method).toBe('POST');
    expect(seen?.url).toBe('/v1/fine_tuning/jobs');
    expect(seen?.headers.authorization).toBe(`Bearer ${testApiKey}`);
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(jsonBody(seen!)).toEqual(params);
    expect(job).toEqual(jobFixture({ status: 'validating_files' }));
    expect(getResponseMetadata(job).requestId).toBe('req_create');
  });

  it('sends n_epochs as a number and leaves out what is undefined', async () => {
    await createFineTuningJob(context.client(), { training_file: 'file-train', model: 'babbage-002', hyperparameters: { n_epochs: 3 }, suffix: undefined });
    expect(jsonBody(context.server.requests[0]!)).toEqual({ training_file: 'file-train', model: 'babbage-002', hyperparameters: { n_epochs: 3 } });
  });

  it('goes to /openai/fine_tuning/jobs with api-version on Azure', async () => {
    const client = createAzureClient({ baseURL: context.server.url, apiKey: 'azure-key', apiVersion: '2024-05-01-preview', maxRetries: 0 });
    await createFineTuningJob(client, { training_file: 'file-train', model: 'gpt-35-turbo' });
    const [seen] = context.server.requests;
    expect(seen?.path).toBe('/openai/fine_tuning/jobs');
    expect(seen?.query.get('api-version')).toBe('2024-05-01-preview');
    expect(seen?.headers['api-key']).toBe('azure-key');
  });
});
