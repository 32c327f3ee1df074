import { InputRejectedError } from '@openai-micro/core';
import { useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { deleteModel } from './delete-model.js';
import { azureTestClient, fineTunedId, modelsHandler, sent, testClient } from './test-helpers.js';

const loopback = useLoopbackServer(modelsHandler);

describe('deleteModel', () => {
  it('sends DELETE /models/{model} and returns the deletion status', async () => {
    const status = await deleteModel(testClient(loopback.server), { model: fineTunedId });

    expect(sent(loopback.server)).toEqual([['DELETE', '/v1/models/ft%3Agpt-3.5-turbo%3Amy-org%3Acustom%3Aabc123', 'Bearer sk-test', 0]]);
    expect(status).toEqual({ id: fineTunedId, object: 'model', deleted: true });
  });

  it('refuses ".." before sending, as a rejected promise', async () => {
    const failure = await deleteModel(testClient(loopback.server), { model: '..' }).catch((error: unknown) => error);

    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('model');
    expect(loopback.server.requests).toHaveLength(0);
  });

  it('goes to {endpoint}/openai/models/{model} on Azure', async () => {
    await deleteModel(azureTestClient(loopback.server), { model: fineTunedId });

    expect(sent(loopback.server)).toEqual([['DELETE', '/openai/models/ft%3Agpt-3.5-turbo%3Amy-org%3Acustom%3Aabc123?api-version=2024-02-01', 'azure-key', 0]]);
  });
});
