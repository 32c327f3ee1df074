/**
 * Helpers of this package's tests (not exported by the package); what every
 * resource package's tests need is in `@openai-micro/tooling/test-client`.
 */
import { type Client, createClient } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import type { LoopbackHandler, LoopbackServer } from '@openai-micro/tooling/loopback';
import { testClientOptions } from '@openai-micro/tooling/test-client';

/** A model as the API sends it. */
export const gpt4oMini = { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' } as const;

/** A fine-tuned model id: its `:` must reach the server encoded, in one path segment. */
export const fineTunedId = 'ft:gpt-3.5-turbo:my-org:custom:abc123';

/**
 * Answers every path with a small OpenAI-shaped object for that path, and 404
 * for ids ending in `missing`.
 *
 * @example
 * const loopback = useLoopbackServer(modelsHandler);
 */
export const modelsHandler: LoopbackHandler = (request, reply) => {
  const segments = request.path.split('/');
  const id = decodeURIComponent(segments.at(-1)!);
  if (id.endsWith('missing')) return reply.json(404, { error: { message: 'The model `missing` does not exist', type: 'invalid_request_error', code: 'model_not_found' } });
  if (request.path.endsWith('/models')) return reply.json(200, { object: 'list', data: [gpt4oMini] }, { 'x-request-id': 'req_models' });
  if (request.path.endsWith('/engines')) return reply.json(200, { object: 'list', data: [{ id: 'davinci', object: 'engine', owner: 'openai', ready: true }] });
  if (segments.at(-2) === 'engines') return reply.json(200, { id, object: 'engine', owner: 'openai', ready: true });
  if (request.method === 'DELETE') return reply.json(200, { id, object: 'model', deleted: true });
  return reply.json(200, { ...gpt4oMini, id });
};

/**
 * A client aimed at a loopback server, without retries so that every test sees exactly one request.
 *
 * @example
 * const client = testClient(server);
 */
export function testClient(server: { url: string }): Client {
  return createClient(testClientOptions(server));
}

/**
 * An Azure client aimed at a loopback server, without retries.
 *
 * @example
 * await listModels(azureTestClient(server)); // GET /openai/models?api-version=2024-02-01
 */
export function azureTestClient(server: { url: string }): Client {
  return createAzureClient({ baseURL: server.url, apiKey: 'azure-key', apiVersion: '2024-02-01', maxRetries: 0 });
}

/**
 * Method, URL (path and query), credential header (`Authorization`, else
 * Azure's `api-key`) and body length of each recorded request.
 *
 * @example
 * expect(sent(server)).toEqual([['GET', '/v1/models', 'Bearer sk-test', 0]]);
 */
export function sent(server: LoopbackServer): unknown[][] {
  return server.requests.map((request) => [request.method, request.url, request.headers.authorization ?? request.headers['api-key'], request.body.length]);
}
