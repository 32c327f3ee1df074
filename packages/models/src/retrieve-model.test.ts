import { InputRejectedError, isNotFoundError } from '@openai-micro/core';
import { useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { retrieveModel } from './retrieve-model.js';
import { azureTestClient, fineTunedId, gpt4oMini, modelsHandler, sent, testClient } from './test-helpers.js';

const loopback = useLoopbackServer(modelsHandler);

describe('retrieveModel', () => {
  it('sends a fine-tuned id as one encoded path segment', async () => {
    const model = await retrieveModel(testClient(loopback.server), { model: fineTunedId });

    expect(sent(loopback.server)).toEqual([['GET', '/v1/models/ft%3Agpt-3.5-turbo%3Amy-org%3Acustom%3Aabc123', 'Bearer sk-test', 0]]);
    expect(model).toEqual({ ...gpt4oMini, id: fineTunedId });
  });

  it('keeps a slash inside the id segment and types a 404', async () => {
    const failure = await retrieveModel(testClient(loopback.server), { model: 'org/missing' }).catch((error: unknown) => error);

    expect(sent(loopback.server)).toEqual([['GET', '/v1/models/org%2Fmissing', 'Bearer sk-test', 0]]);
    expect(isNotFoundError(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'model_not_found' });
  });

  it.each(['..', '.', ''])('refuses the id %j before sending, as a rejected promise', async (model) => {
    const failure = await retrieveModel(testClient(loopback.server), { model }).catch((error: unknown) => error);

    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('model');
    expect(loopback.server.requests).toHaveLength(0);
  });

  it('goes to {endpoint}/openai/models/{model} on Azure', async () => {
    await retrieveModel(azureTestClient(loopback.server), { model: fineTunedId });

    expect(sent(loopback.server)).toEqual([['GET', '/openai/models/ft%3Agpt-3.5-turbo%3Amy-org%3Acustom%3Aabc123?api-version=2024-02-01', 'azure-key', 0]]);
  });
});
