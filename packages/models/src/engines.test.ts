import { InputRejectedError } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import type { LoopbackServer } from '@openai-micro/tooling/loopback';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listEngines } from './list-engines.js';
import { retrieveEngine } from './retrieve-engine.js';
import { clientFor, startModelsServer } from './test-helpers.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startModelsServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('listEngines and retrieveEngine (deprecated)', () => {
  it('send GET /engines and GET /engines/{engine_id}', async () => {
    const list = await listEngines(clientFor(server));
    const engine = await retrieveEngine(clientFor(server), { engine_id: 'text-davinci/003' });

    expect(server.requests.map((request) => [request.method, request.url, request.headers.authorization])).toEqual([
      ['GET', '/v1/engines', 'Bearer sk-test'],
      ['GET', '/v1/engines/text-davinci%2F003', 'Bearer sk-test'],
    ]);
    expect(list).toEqual({ object: 'list', data: [{ id: 'davinci', object: 'engine', owner: 'openai', ready: true }] });
    expect(engine).toEqual({ id: 'text-davinci/003', object: 'engine', owner: 'openai', ready: true });
  });

  it('refuses ".." before sending', async () => {
    const failure = await retrieveEngine(clientFor(server), { engine_id: '..' }).catch((error: unknown) => error);

    expect(InputRejectedError.isInstance(failure)).toBe(true);
    expect((failure as InputRejectedError).field).toBe('engine_id');
    expect(server.requests).toHaveLength(0);
  });

  it('go to {endpoint}/openai/engines on Azure (go-openai sent them to a deployment named UNKNOWN)', async () => {
    const client = createAzureClient({ baseURL: server.url, apiKey: 'azure-key', apiVersion: '2024-02-01', maxRetries: 0 });
    await listEngines(client);
    await retrieveEngine(client, { engine_id: 'davinci' });

    expect(server.requests.map((request) => request.url)).toEqual([
      '/openai/engines?api-version=2024-02-01',
      '/openai/engines/davinci?api-version=2024-02-01',
    ]);
  });
});
