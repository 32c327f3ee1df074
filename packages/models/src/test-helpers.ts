import { type Client, createClient } from '@openai-micro/core';
import { type LoopbackServer, startLoopbackServer } from '@openai-micro/tooling/loopback';

/** A model as the API sends it. */
export const gpt4oMini = { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' } as const;

/**
 * A loopback server that answers every path with a small OpenAI-shaped object
 * for that path, and 404 for `/missing` ids.
 *
 * @example
 * const server = await startModelsServer();
 */
export function startModelsServer(): Promise<LoopbackServer> {
  return startLoopbackServer((request, reply) => {
    const segments = request.path.split('/');
    const id = decodeURIComponent(segments.at(-1)!);
    if (id.endsWith('missing')) return reply.json(404, { error: { message: 'The model `missing` does not exist', type: 'invalid_request_error', code: 'model_not_found' } });
    if (request.path.endsWith('/models')) return reply.json(200, { object: 'list', data: [gpt4oMini] }, { 'x-request-id': 'req_models' });
    if (request.path.endsWith('/engines')) return reply.json(200, { object: 'list', data: [{ id: 'davinci', object: 'engine', owner: 'openai', ready: true }] });
    if (segments.at(-2) === 'engines') return reply.json(200, { id, object: 'engine', owner: 'openai', ready: true });
    if (request.method === 'DELETE') return reply.json(200, { id, object: 'model', deleted: true });
    return reply.json(200, { ...gpt4oMini, id });
  });
}

/**
 * A client pointed at a loopback server's `/v1`, with a recognisable key and no retries.
 *
 * @example
 * const client = clientFor(server);
 */
export function clientFor(server: { url: string }): Client {
  return createClient({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, maxRetries: 0 });
}
