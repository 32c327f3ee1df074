import { useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { listEngines } from './list-engines.js';
import { azureTestClient, modelsHandler, sent, testClient } from './test-helpers.js';

const loopback = useLoopbackServer(modelsHandler);

describe('listEngines (deprecated)', () => {
  it('sends GET /engines and returns the list', async () => {
    const list = await listEngines(testClient(loopback.server));

    expect(sent(loopback.server)).toEqual([['GET', '/v1/engines', 'Bearer sk-test', 0]]);
    expect(list).toEqual({ object: 'list', data: [{ id: 'davinci', object: 'engine', owner: 'openai', ready: true }] });
  });

  it('goes to {endpoint}/openai/engines on Azure (go-openai sent it to a deployment named UNKNOWN)', async () => {
    await listEngines(azureTestClient(loopback.server));

    expect(sent(loopback.server)).toEqual([['GET', '/openai/engines?api-version=2024-02-01', 'azure-key', 0]]);
  });
});
