/**
 * The browser guard (issue 8, item 3): an API key where a DOM is present
 * (`window.document`) needs `dangerouslyAllowBrowser`, with a clear error
 * otherwise; workers and other runtimes without a document are not browsers
 * pages. Checked for both client factories and every kind of credential, and,
 * where allowed, with a real request carrying the key to a loopback server.
 */
import { listModels } from '@openai-micro/models';
import { type Client, ConfigurationError, createClient } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import { type LoopbackServer, startLoopbackServer } from '@openai-micro/tooling/loopback';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiKey, expectNoKey } from './support.js';

type Globals = Record<'window' | 'self' | 'document' | 'WorkerGlobalScope', unknown>;

/** The globals each environment shows; applied for one test and restored after it. */
const environments: Record<string, Partial<Globals>> = {
  'a browser page (window.document)': { window: { document: { nodeType: 9 } }, document: { nodeType: 9 } },
  'a browser page where window is globalThis': { window: 'globalThis', document: { nodeType: 9 } },
  'a web worker (self, no window, no document)': { self: 'globalThis', WorkerGlobalScope: function WorkerGlobalScope() {} },
  'a window-like global without a document (Deno 1, some SSR shims)': { window: {} },
  'Node itself': {},
};

const pages = ['a browser page (window.document)', 'a browser page where window is globalThis'];

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer((request, reply) => reply.json(200, { object: 'list', data: [], sent: request.headers.authorization ?? request.headers['api-key'] ?? null }));
});
afterAll(() => server.close());

const saved = new Map<string, PropertyDescriptor | undefined>();
function enter(environment: Partial<Globals>): void {
  for (const [name, value] of Object.entries(environment)) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    Object.defineProperty(globalThis, name, { value: value === 'globalThis' ? globalThis : value, configurable: true, writable: true });
  }
}
afterEach(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete (globalThis as Record<string, unknown>)[name];
  }
  saved.clear();
});

/** Each way to make a client that holds a credential. */
const factories: [name: string, make: (options: { dangerouslyAllowBrowser?: boolean }) => Client, header: string][] = [
  ['createClient with apiKey', (options) => createClient({ apiKey, baseURL: `${server.url}/v1`, ...options }), `Bearer ${apiKey}`],
  [
    'createClient with OPENAI_API_KEY from the environment',
    (options) => {
      const previous = process.env.OPENAI_API_KEY;
      process.env.OPENAI_API_KEY = apiKey;
      try {
        return createClient({ baseURL: `${server.url}/v1`, ...options });
      } finally {
        if (previous === undefined) delete process.env.OPENAI_API_KEY;
        else process.env.OPENAI_API_KEY = previous;
      }
    },
    `Bearer ${apiKey}`,
  ],
  ['createAzureClient with apiKey', (options) => createAzureClient({ apiKey, baseURL: server.url, ...options }), apiKey],
  ['createAzureClient with an azureADToken string', (options) => createAzureClient({ azureADToken: apiKey, baseURL: server.url, ...options }), `Bearer ${apiKey}`],
  ['createAzureClient with an azureADToken function', (options) => createAzureClient({ azureADToken: async () => apiKey, baseURL: server.url, ...options }), `Bearer ${apiKey}`],
];

function refusal(make: () => unknown): unknown {
  try {
    make();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe.each(Object.keys(environments))('in %s', (environment) => {
  const isPage = pages.includes(environment);

  it.each(factories)(`${isPage ? 'refuses' : 'allows'} %s without the opt-in`, async (_name, make, header) => {
    enter(environments[environment]!);
    const error = refusal(() => make({}));
    if (isPage) {
      expect(ConfigurationError.isInstance(error), String(error)).toBe(true);
      expect((error as Error).message).toMatch(/browser/);
      expect((error as Error).message).toContain('dangerouslyAllowBrowser');
      expectNoKey(error);
    } else {
      expect(error).toBeUndefined();
      const page = await listModels(make({}), { maxRetries: 0 });
      expect((page as unknown as { sent: string }).sent).toBe(header);
    }
  });

  it.each(factories)('allows %s with dangerouslyAllowBrowser: true, and sends the key', async (_name, make, header) => {
    enter(environments[environment]!);
    const page = await listModels(make({ dangerouslyAllowBrowser: true }), { maxRetries: 0 });
    expect((page as unknown as { sent: string }).sent).toBe(header);
  });

  it('allows a keyless client for a local server, which has no secret to protect', () => {
    enter(environments[environment]!);
    expect(createClient({ apiKey: '', baseURL: `${server.url}/v1` }).kind).toBe('openai');
  });
});
