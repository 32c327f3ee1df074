import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAzureClient, defaultAzureDeployment } from './azure.js';
import type { ClientOptions } from './client.js';
import { ConfigurationError, InputRejectedError, isContentFilterError } from './errors.js';
import { request } from './request-json.js';
import { rejectionOf, transports, useLoopbackServer } from './test-support.test-helper.js';

const azureKey = 'azure-SECRET-key-0123456789';
const specPath = '/work/shared/openapi/azure-openai-inference-2024-02-01.json';

describe('defaultAzureDeployment', () => {
  it('strips . and : from gpt-3.5 model names only (go-openai)', () => {
    expect(defaultAzureDeployment('gpt-3.5-turbo')).toBe('gpt-35-turbo');
    expect(defaultAzureDeployment('gpt-3.5-turbo-0301')).toBe('gpt-35-turbo-0301');
    expect(defaultAzureDeployment('gpt-3.5-turbo-16k')).toBe('gpt-35-turbo-16k');
    expect(defaultAzureDeployment('gpt-3.5-turbo:ft-org:custom')).toBe('gpt-35-turboft-orgcustom');
    expect(defaultAzureDeployment('gpt-4o')).toBe('gpt-4o');
    expect(defaultAzureDeployment('gpt-4.5-preview')).toBe('gpt-4.5-preview');
    expect(defaultAzureDeployment('text-embedding-3-small')).toBe('text-embedding-3-small');
  });
});

describe('createAzureClient configuration', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('requires an endpoint and a credential', () => {
    vi.stubEnv('AZURE_OPENAI_ENDPOINT', undefined as unknown as string);
    vi.stubEnv('AZURE_OPENAI_API_KEY', undefined as unknown as string);
    expect(ConfigurationError.isInstance(rejectionSync(() => createAzureClient({ apiKey: azureKey })))).toBe(true);
    const missingCredential = rejectionSync(() => createAzureClient({ baseURL: 'https://r.openai.azure.com' }));
    expect(ConfigurationError.isInstance(missingCredential)).toBe(true);
    expect((missingCredential as Error).message).toMatch(/apiKey.*azureADToken/);
    expect(ConfigurationError.isInstance(rejectionSync(() => createAzureClient({ baseURL: 'r.openai.azure.com', apiKey: azureKey })))).toBe(true);
  });

  it('reads AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY', () => {
    vi.stubEnv('AZURE_OPENAI_ENDPOINT', 'https://env-resource.openai.azure.com/');
    vi.stubEnv('AZURE_OPENAI_API_KEY', azureKey);
    const client = createAzureClient();
    expect(client.kind).toBe('azure');
    expect(client.baseURL).toBe('https://env-resource.openai.azure.com');
  });

  it('never shows the key or token in its string, inspect or JSON forms', () => {
    for (const client of [
      createAzureClient({ baseURL: 'https://r.openai.azure.com', apiKey: azureKey }),
      createAzureClient({ baseURL: 'https://r.openai.azure.com', azureADToken: 'eyJ-SECRET-token' }),
    ]) {
      for (const form of [String(client), inspect(client, { showHidden: true }), JSON.stringify(client)]) expect(form).not.toContain('SECRET');
      expect(Object.isFrozen(client)).toBe(true);
    }
  });
});

function rejectionSync(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe.each(transports)('Azure requests over %s', (_name, transport) => {
  const context = useLoopbackServer(transport);
  const azure = (options: Parameters<typeof createAzureClient>[0] = {}) =>
    createAzureClient({ baseURL: context.server.url, apiKey: azureKey, maxRetries: 0, ...(transport as ClientOptions), ...options });
  const ok = () => {
    context.server.handler = (_request, reply) => reply.json(200, { object: 'ok' });
  };

  it('sends a chat completion to the deployment mapped from the model, with api-version and the api-key header', async () => {
    ok();
    await request(azure(), { method: 'POST', path: '/chat/completions', body: { model: 'gpt-3.5-turbo', messages: [] }, model: 'gpt-3.5-turbo' });
    const [seen] = context.server.requests;
    expect(seen?.url).toBe('/openai/deployments/gpt-35-turbo/chat/completions?api-version=2024-02-01');
    expect(seen?.headers['api-key']).toBe(azureKey);
    expect(seen?.headers.authorization).toBeUndefined();
    expect(JSON.parse(seen?.body.toString() ?? '')).toEqual({ model: 'gpt-3.5-turbo', messages: [] });
  });

  it('keeps other model names, and uses a custom mapper and apiVersion', async () => {
    ok();
    await request(azure(), { method: 'POST', path: '/embeddings', body: {}, model: 'gpt-4o' });
    const mapper = vi.fn((model: string) => (model === 'gpt-4o' ? 'my-prod-4o' : model));
    await request(azure({ deployment: mapper, apiVersion: '2024-06-01' }), { method: 'POST', path: '/chat/completions', body: {}, model: 'gpt-4o' });
    await request(azure(), { method: 'POST', path: '/chat/completions', body: {}, model: 'team/a b' });
    expect(context.server.requests.map((seen) => seen.url)).toEqual([
      '/openai/deployments/gpt-4o/embeddings?api-version=2024-02-01',
      '/openai/deployments/my-prod-4o/chat/completions?api-version=2024-06-01',
      '/openai/deployments/team%2Fa%20b/chat/completions?api-version=2024-02-01',
    ]);
    expect(mapper).toHaveBeenCalledWith('gpt-4o');
  });

  it('sends models, files, fine-tuning, assistants and threads outside any deployment', async () => {
    ok();
    const paths = ['/models', '/files', '/files/file-1/content', '/fine_tuning/jobs', '/fine-tunes', '/engines', '/assistants', '/threads/thread_1/messages', '/threads/thread_1/runs/run_1'];
    for (const path of paths) await request(azure(), { method: 'GET', path, model: 'gpt-4o' });
    expect(context.server.requests.map((seen) => seen.url)).toEqual(paths.map((path) => `/openai${path}?api-version=2024-02-01`));
  });

  it('merges a list call\'s own query with api-version', async () => {
    ok();
    await request(azure(), { method: 'GET', path: '/fine_tuning/jobs', query: { limit: 20, after: 'x' } });
    await request(azure({ query: { tenant: 't1' } }), { method: 'GET', path: '/files' }, { query: { purpose: 'fine-tune' } });
    const [list, files] = context.server.requests;
    expect(list?.path).toBe('/openai/fine_tuning/jobs');
    expect(Object.fromEntries(list?.query ?? [])).toEqual({ 'api-version': '2024-02-01', limit: '20', after: 'x' });
    expect(list?.query.getAll('api-version')).toEqual(['2024-02-01']);
    expect(Object.fromEntries(files?.query ?? [])).toEqual({ 'api-version': '2024-02-01', tenant: 't1', purpose: 'fine-tune' });
  });

  it('refuses a deployment-scoped call without a model before sending', async () => {
    ok();
    const error = await rejectionOf(request(azure(), { method: 'POST', path: '/chat/completions', body: {} }));
    expect(InputRejectedError.isInstance(error)).toBe(true);
    expect((error as InputRejectedError).field).toBe('model');
    expect(context.server.requests).toHaveLength(0);
  });

  it('sends an Azure AD token string as a Bearer token and no api-key', async () => {
    ok();
    await request(createAzureClient({ baseURL: context.server.url, azureADToken: 'eyJ-token', ...(transport as ClientOptions) }), { method: 'GET', path: '/models' });
    const [seen] = context.server.requests;
    expect(seen?.headers.authorization).toBe('Bearer eyJ-token');
    expect(seen?.headers['api-key']).toBeUndefined();
  });

  it('calls an async token function once per request, not once per client', async () => {
    ok();
    let issued = 0;
    const azureADToken = vi.fn(async () => `token-${++issued}`);
    const client = createAzureClient({ baseURL: context.server.url, azureADToken, ...(transport as ClientOptions) });
    expect(azureADToken).not.toHaveBeenCalled();
    await request(client, { method: 'GET', path: '/models' });
    await request(client, { method: 'POST', path: '/chat/completions', body: {}, model: 'gpt-4o' });
    expect(azureADToken).toHaveBeenCalledTimes(2);
    expect(context.server.requests.map((seen) => seen.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('reports a token function failure without sending', async () => {
    const failing = new Error('token endpoint unreachable');
    const client = createAzureClient({ baseURL: context.server.url, azureADToken: async () => Promise.reject(failing), ...(transport as ClientOptions) });
    expect(await rejectionOf(request(client, { method: 'GET', path: '/models' }))).toBe(failing);
    expect(context.server.requests).toHaveLength(0);
  });

  it('surfaces Azure content-filter rejections', async () => {
    context.server.handler = (_request, reply) =>
      reply.json(400, {
        error: {
          message: 'The response was filtered',
          code: 'content_filter',
          param: 'prompt',
          status: 400,
          innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: { hate: { filtered: true, severity: 'high' } } },
        },
      });
    const error = await rejectionOf(request(azure(), { method: 'POST', path: '/chat/completions', body: {}, model: 'gpt-4o' }));
    expect(isContentFilterError(error)).toBe(true);
  });
});

describe('agreement with the Azure OpenAI inference spec 2024-02-01', () => {
  it.runIf(existsSync(specPath))('uses its paths, api-version query parameter and api-key header', () => {
    const spec = JSON.parse(readFileSync(specPath, 'utf8'));
    expect(spec.servers[0].url).toBe('https://{endpoint}/openai');
    expect(spec.info.version).toBe('2024-02-01');
    expect(spec.components.securitySchemes.apiKey).toMatchObject({ type: 'apiKey', name: 'api-key', in: 'header' });
    for (const [path, operations] of Object.entries<Record<string, { parameters: { in: string; name: string; required?: boolean }[] }>>(spec.paths)) {
      expect(path).toMatch(/^\/deployments\/\{deployment-id\}\//);
      for (const operation of Object.values(operations)) {
        expect(operation.parameters.some((parameter) => parameter.in === 'query' && parameter.name === 'api-version' && parameter.required)).toBe(true);
      }
    }
    expect(Object.keys(spec.paths)).toContain('/deployments/{deployment-id}/chat/completions');
  });
});

describe('bundle separation', () => {
  it('keeps the Azure code out of the plain entry point', () => {
    const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
    expect(existsSync(join(dist, 'index.js')), 'build core first').toBe(true);
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toContain('/openai/deployments/');
      expect(text, file).not.toContain('defaultAzureDeployment');
      for (const match of text.matchAll(/from\s*["'](\.\/[^"']+)["']/g)) visit(join(dirname(file), match[1] ?? ''));
    };
    visit(join(dist, 'index.js'));
    expect(readFileSync(join(dist, 'azure.js'), 'utf8')).toContain('/openai/deployments/');
  });
});
