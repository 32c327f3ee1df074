import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatCompletionReply } from './chat-replies';
import { startTestServer, type TestServer } from './server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ apiKey: 'azure-key' });
});
afterEach(() => server.close());

const chat = { messages: [{ role: 'user', content: 'Hi' }] };
const azurePost = (path: string, body: unknown, headers: Record<string, string> = { 'api-key': 'azure-key' }) =>
  fetch(`${server.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('Azure routes', () => {
  it('answers deployment routes with the api-key header and records the deployment', async () => {
    const response = await azurePost('/openai/deployments/gpt-35-turbo/chat/completions?api-version=2024-02-01', chat);
    expect(response.status).toBe(200);
    expect(response.headers.get('apim-request-id')).toBe('req_000001');
    const body = await response.json();
    expect(body.model).toBe('gpt-35-turbo');
    expect(server.lastRequest()).toMatchObject({
      path: '/openai/deployments/gpt-35-turbo/chat/completions',
      operationPath: '/v1/chat/completions',
      route: 'POST /v1/chat/completions',
      query: { 'api-version': '2024-02-01' },
      azure: { deployment: 'gpt-35-turbo', apiVersion: '2024-02-01' },
    });
  });

  it('accepts an Azure AD Bearer token and refuses missing or wrong keys in Azure shape', async () => {
    const bearer = await azurePost('/openai/deployments/d/embeddings?api-version=2024-02-01', { input: 'x' }, { authorization: 'Bearer azure-key' });
    expect(bearer.status).toBe(200);
    const wrong = await azurePost('/openai/deployments/d/embeddings?api-version=2024-02-01', { input: 'x' }, { 'api-key': 'nope' });
    expect(wrong.status).toBe(401);
    const body = await wrong.json();
    expect(body.error.code).toBe('401');
    expect(body.error.message).toContain('Access denied');
  });

  it('answers 404 without api-version, like Azure', async () => {
    const response = await azurePost('/openai/deployments/gpt-35-turbo/chat/completions', chat);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: '404', message: 'Resource not found' } });
    expect(server.lastRequest()?.azure).toEqual({ deployment: 'gpt-35-turbo', apiVersion: undefined });
  });

  it('checks api versions and deployments when configured', async () => {
    const strict = await startTestServer({ azure: { apiVersions: ['2024-02-01'], deployments: ['gpt-4'] } });
    try {
      const post = (path: string) =>
        fetch(`${strict.origin}${path}`, { method: 'POST', headers: { 'api-key': 'k' }, body: JSON.stringify(chat) });
      const version = await post('/openai/deployments/gpt-4/chat/completions?api-version=2023-05-15');
      expect([version.status, (await version.json()).error.code]).toEqual([400, 'BadRequest']);
      const deployment = await post('/openai/deployments/gpt-35/chat/completions?api-version=2024-02-01');
      expect([deployment.status, (await deployment.json()).error.code]).toEqual([404, 'DeploymentNotFound']);
      const empty = await post('/openai/deployments//chat/completions?api-version=2024-02-01');
      expect(empty.status).toBe(404);
      expect((await post('/openai/deployments/gpt-4/chat/completions?api-version=2024-02-01')).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('serves the non-deployment routes under /openai', async () => {
    const form = new FormData();
    form.append('purpose', 'assistants');
    form.append('file', new Blob(['hello']), 'hello.txt');
    const upload = await fetch(`${server.origin}/openai/files?api-version=2024-02-01`, {
      method: 'POST',
      headers: { 'api-key': 'azure-key' },
      body: form,
    });
    const file = await upload.json();
    const content = await fetch(`${server.origin}/openai/files/${file.id}/content?api-version=2024-02-01`, {
      headers: { 'api-key': 'azure-key' },
    });
    expect(await content.text()).toBe('hello');
    const assistant = await azurePost('/openai/assistants?api-version=2024-02-15-preview', { model: 'gpt-4' });
    expect((await assistant.json()).object).toBe('assistant');
    const models = await fetch(`${server.origin}/openai/models?api-version=2024-02-01`, { headers: { 'api-key': 'azure-key' } });
    expect((await models.json()).object).toBe('list');
    expect(server.lastRequest()?.azure).toEqual({ deployment: undefined, apiVersion: '2024-02-01' });
  });

  it('answers unknown Azure paths in Azure shape, and scripts them through their /v1 route', async () => {
    const unknown = await azurePost('/openai/nowhere?api-version=2024-02-01', {});
    expect(await unknown.json()).toEqual({ error: { code: '404', message: 'Resource not found' } });
    server.on('POST /v1/chat/completions').replyOnce(chatCompletionReply({ content: 'scripted for Azure' }));
    server.on('POST /openai/deployments/{deployment}/chat/completions').replyOnce((request, context) =>
      chatCompletionReply({ content: `deployment ${context.params.deployment}`, model: request.azure?.deployment }),
    );
    const first = await azurePost('/openai/deployments/mine/chat/completions?api-version=2024-02-01', chat);
    expect((await first.json()).choices[0].message.content).toBe('scripted for Azure');
    const second = await azurePost('/openai/deployments/mine/chat/completions?api-version=2024-02-01', chat);
    expect((await second.json()).choices[0].message.content).toBe('deployment mine');
    expect(server.requestsTo('POST /v1/chat/completions')).toHaveLength(2);
  });
});
