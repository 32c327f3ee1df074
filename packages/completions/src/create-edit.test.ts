import { getResponseMetadata } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import { jsonBody, useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, it } from 'vitest';
import { createEdit } from './create-edit.js';
import { testClient } from './test-support.js';
import type { CreateEditResponse } from './types.js';

const edit: CreateEditResponse = {
  object: 'edit',
  created: 1_589_478_378,
  choices: [{ text: 'What day of the week is it?', index: 0 }],
  usage: { prompt_tokens: 25, completion_tokens: 32, total_tokens: 57 },
};

const loopback = useLoopbackServer((_request, reply) => reply.json(200, edit, { 'x-request-id': 'req_edit' }));

describe('createEdit', () => {
  it('posts the body as given to /edits and resolves the edit', async () => {
    const params = { model: 'text-davinci-edit-001', input: 'What day of the wek is it?', instruction: 'Fix the spelling mistakes', n: 1, temperature: 0, top_p: 0 };
    const result = await createEdit(testClient(loopback.server), params);

    const [received] = loopback.server.requests;
    expect(received?.method).toBe('POST');
    expect(received?.path).toBe('/v1/edits');
    expect(received?.headers.authorization).toBe('Bearer sk-test');
    expect(jsonBody(received!)).toEqual(params);
    expect(result).toEqual(edit);
    expect(getResponseMetadata(result).requestId).toBe('req_edit');
  });

  it('reports input it cannot use as a rejected promise, never a synchronous throw', async () => {
    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = createEdit(testClient(loopback.server), null as never);
    }).not.toThrow();
    await expect(pending).rejects.toThrow(TypeError);
    expect(loopback.server.requests).toHaveLength(0);
  });

  it('goes to the Azure deployment named after the model (go-openai printed a pointer address)', async () => {
    const client = createAzureClient({ baseURL: loopback.server.url, apiKey: 'azure-key', apiVersion: '2024-02-01' });
    await createEdit(client, { model: 'code-davinci-edit-001', instruction: 'Add comments' });
    expect(loopback.server.requests[0]?.path).toBe('/openai/deployments/code-davinci-edit-001/edits');
    expect(loopback.server.requests[0]?.headers['api-key']).toBe('azure-key');
  });
});
