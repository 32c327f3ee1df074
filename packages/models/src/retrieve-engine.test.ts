import { InputRejectedError } from '@openai-micro/core';
import { useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { retrieveEngine } from './retrieve-engine.js';
import { azureTestClient, modelsHandler, sent, testClient } from './test-helpers.js';

const loopback = useLoopbackServer(modelsHandler);

describe('retrieveEngine (deprecated)', () => {
  it('sends GET /engines/{engine_id} with the id as one encoded segment', async () => {
    const engine = await retrieveEngine(testClient(loopback.server), { engine_id: 'text-davinci/003' });

    expect(sent(loopback.server)).toEqual([['GET', '/v1/engines/text-davinci%2F003', 'Bearer sk-test', 0]]);
    expect(engine).toEqual({ id: 'text-davinci/003', object: 'engine', owner: 'openai', ready: true });
  });

  it('refuses ".." before sending, as a rejected promise', async () => {
    const failure = await retrieveEngine(testClient(loopback.server), { engine_id: '..' }).catch((error: unknown) => error);

    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('engine_id');
    expect(loopback.server.requests).toHaveLength(0);
  });

  it('goes to {endpoint}/openai/engines/{engine_id} on Azure (go-openai used a deployment named UNKNOWN)', async () => {
    await retrieveEngine(azureTestClient(loopback.server), { engine_id: 'davinci' });

    expect(sent(loopback.server)).toEqual([['GET', '/openai/engines/davinci?api-version=2024-02-01', 'azure-key', 0]]);
  });
});
