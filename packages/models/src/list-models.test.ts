import { getResponseMetadata } from '@openai-micro/core';
import { useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { listModels } from './list-models.js';
import { azureTestClient, gpt4oMini, modelsHandler, sent, testClient } from './test-helpers.js';

const loopback = useLoopbackServer(modelsHandler);

describe('listModels', () => {
  it('sends GET /models and returns the list with its response metadata', async () => {
    const list = await listModels(testClient(loopback.server));

    expect(sent(loopback.server)).toEqual([['GET', '/v1/models', 'Bearer sk-test', 0]]);
    expect(list).toEqual({ object: 'list', data: [gpt4oMini] });
    expect(getResponseMetadata(list).requestId).toBe('req_models');
  });

  it('goes to {endpoint}/openai/models on Azure, not to a deployment', async () => {
    const list = await listModels(azureTestClient(loopback.server));

    expect(sent(loopback.server)).toEqual([['GET', '/openai/models?api-version=2024-02-01', 'azure-key', 0]]);
    expect(list.data).toEqual([gpt4oMini]);
  });
});
