import { getResponseMetadata, InputRejectedError, isNotFoundError } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import type { LoopbackServer } from '@openai-micro/tooling/loopback';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deleteModel } from './delete-model.js';
import { listModels } from './list-models.js';
import { retrieveModel } from './retrieve-model.js';
import { clientFor, gpt4oMini, startModelsServer } from './test-helpers.js';

const fineTunedId = 'ft:gpt-3.5-turbo:my-org:custom:abc123';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startModelsServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function sent() {
  return server.requests.map((request) => [request.method, request.url, request.headers.authorization, request.body.length]);
}

describe('listModels', () => {
  it('sends GET /models and returns the list', async () => {
    const list = await listModels(clientFor(server));

    expect(sent()).toEqual([['GET', '/v1/models', 'Bearer sk-test', 0]]);
    expect(list).toEqual({ object: 'list', data: [gpt4oMini] });
    expect(getResponseMetadata(list).requestId).toBe('req_models');
  });
});

describe('retrieveModel', () => {
  it('sends a fine-tuned id as one encoded path segment', async () => {
    const model = await retrieveModel(clientFor(server), { model: fineTunedId });

    expect(sent()).toEqual([['GET', '/v1/models/ft%3Agpt-3.5-turbo%3Amy-org%3Acustom%3Aabc123', 'Bearer sk-test', 0]]);
    expect(model).toEqual({ ...gpt4oMini, id: fineTunedId });
  });

  it('keeps a slash inside the id segment and types a 404', async () => {
    const failure = await retrieveModel(clientFor(server), { model: 'org/missing' }).catch((error: unknown) => error);

    expect(sent()).toEqual([['GET', '/v1/models/org%2Fmissing', 'Bearer sk-test', 0]]);
    expect(isNotFoundError(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'model_not_found' });
  });

  it.each(['..', '.', ''])('refuses the id %j before sending', async (model) => {
    const failure = await retrieveModel(clientFor(server), { model }).catch((error: unknown) => error);

    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('model');
    expect(server.requests).toHaveLength(0);
  });
});

describe('deleteModel', () => {
  it('sends DELETE /models/{model} and returns the deletion status', async () => {
    const status = await deleteModel(clientFor(server), { model: fineTunedId });

    expect(sent()).toEqual([['DELETE', '/v1/models/ft%3Agpt-3.5-turbo%3Amy-org%3Acustom%3Aabc123', 'Bearer sk-test', 0]]);
    expect(status).toEqual({ id: fineTunedId, object: 'model', deleted: true });
  });

  it('refuses ".." before sending', async () => {
    const failure = await deleteModel(clientFor(server), { model: '..' }).catch((error: unknown) => error);

    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });
});

describe('models on Azure', () => {
  it('go to {endpoint}/openai/models with api-version, not to a deployment', async () => {
    const client = createAzureClient({ baseURL: server.url, apiKey: 'azure-key', apiVersion: '2024-02-01', maxRetries: 0 });
    const list = await listModels(client);
    await retrieveModel(client, { model: fineTunedId });
    await deleteModel(client, { model: fineTunedId });

    expect(list.data).toEqual([gpt4oMini]);
    expect(server.requests.map((request) => [request.method, request.url, request.headers['api-key'], request.headers.authorization])).toEqual([
      ['GET', '/openai/models?api-version=2024-02-01', 'azure-key', undefined],
      ['GET', '/openai/models/ft%3Agpt-3.5-turbo%3Amy-org%3Acustom%3Aabc123?api-version=2024-02-01', 'azure-key', undefined],
      ['DELETE', '/openai/models/ft%3Agpt-3.5-turbo%3Amy-org%3Acustom%3Aabc123?api-version=2024-02-01', 'azure-key', undefined],
    ]);
  });
});
