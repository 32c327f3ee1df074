import { createAzureClient } from '@openai-micro/core/azure';
import type { CreateAssistantRequest } from './types.js';
import { describe, expect, it } from 'vitest';
import { createAssistant } from './create-assistant.js';
import { betaHeaders, itSendsTheOperation, jsonBody, useServer } from './test-support.test-helper.js';

const context = useServer();
const params: CreateAssistantRequest = { model: 'gpt-4-turbo', name: 'Tutor', description: '', instructions: 'Help.', tools: [{ type: 'code_interpreter' }, { type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: {} } } }], file_ids: ['file-abc'], metadata: { team: 'math' } };

describe('createAssistant', () => {
  itSendsTheOperation(context, {
    call: (client, options) => createAssistant(client, params, options),
    method: 'POST',
    url: '/v1/assistants',
    body: params,
    reply: { id: 'asst_abc', object: 'assistant', created_at: 1, name: 'Tutor', description: null, model: 'gpt-4-turbo', instructions: null, tools: [], file_ids: [], metadata: {} },
  });

  it('goes to /openai/assistants?api-version= on Azure, with the api-key and the beta header', async () => {
    context.server.handler = (_request, reply) => reply.json(200, { id: 'asst_abc' });
    const client = createAzureClient({ baseURL: context.server.url, apiKey: 'azure-key', apiVersion: '2024-02-15-preview', maxRetries: 0 });
    await createAssistant(client, { model: 'gpt-4', name: 'Tutor' });
    const [seen] = context.server.requests;
    expect(seen?.url).toBe('/openai/assistants?api-version=2024-02-15-preview');
    expect(seen?.headers['api-key']).toBe('azure-key');
    expect(seen?.headers.authorization).toBeUndefined();
    expect(betaHeaders(seen)).toEqual(['assistants=v1']);
    expect(jsonBody(seen)).toEqual({ model: 'gpt-4', name: 'Tutor' });
  });
});
