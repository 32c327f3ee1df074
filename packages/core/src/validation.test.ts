import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ResponseParseError } from './errors.js';
import { getResponseMetadata } from './metadata.js';
import { requestPage } from './pagination.js';
import { request } from './request-json.js';
import { rejectionOf, transports, useLoopbackServer } from './test-support.test-helper.js';

// Built inside the tests, never at import, as the house rules ask of schemas.
const modelSchema = () => v.object({ id: v.string(), object: v.literal('model'), created: v.number(), owned_by: v.string() });

describe.each(transports)('opt-in response validation over %s', (_name, transport) => {
  const loopback = useLoopbackServer(transport);
  const retrieve = <T extends object>(options = {}) => request<T>(loopback.client(), { method: 'GET', path: '/models/gpt-4o' }, options);

  it('validates with a valibot schema passed as `schema` (Standard Schema) and returns its output', async () => {
    loopback.server.handler = (_request, reply) =>
      reply.json(200, { id: 'gpt-4o', object: 'model', created: 1715367049, owned_by: 'system', extra: true }, { 'x-request-id': 'req_v' });
    const schema = modelSchema();
    expect(schema['~standard'].vendor).toBe('valibot');
    const model = await retrieve<v.InferOutput<typeof schema>>({ schema });
    // valibot's object() drops unknown keys: the schema's output is what comes back.
    expect(model).toEqual({ id: 'gpt-4o', object: 'model', created: 1715367049, owned_by: 'system' });
    expect(getResponseMetadata(model).requestId).toBe('req_v');
  });

  it('refuses a mismatch with ResponseParseError carrying the issues', async () => {
    loopback.server.handler = (_request, reply) => reply.json(200, { id: 'gpt-4o', object: 'model', created: 'yesterday', owned_by: 'system' });
    const error = await rejectionOf(retrieve({ schema: modelSchema() }));
    expect(ResponseParseError.isInstance(error)).toBe(true);
    const parseError = error as ResponseParseError;
    expect(parseError.status).toBe(200);
    expect(parseError.message).toContain('schema');
    expect(parseError.issues).toHaveLength(1);
    expect(v.getDotPath(parseError.issues![0] as v.BaseIssue<unknown>)).toBe('created');
    expect(parseError.bodyExcerpt).toContain('yesterday');
    expect(loopback.server.requests).toHaveLength(1);
  });

  it('supports async schemas', async () => {
    loopback.server.handler = (_request, reply) => reply.json(200, { id: 'gpt-4o' });
    const schema = v.objectAsync({ id: v.pipeAsync(v.string(), v.checkAsync(async (id) => id.startsWith('gpt'), 'not a gpt model')) });
    expect(await retrieve({ schema })).toEqual({ id: 'gpt-4o' });
    const refused = v.objectAsync({ id: v.pipeAsync(v.string(), v.checkAsync(async (id) => id.startsWith('dall'), 'not a dall-e model')) });
    expect(((await rejectionOf(retrieve({ schema: refused }))) as ResponseParseError).issues).toHaveLength(1);
  });

  it('validates nothing without a schema: odd and extra fields pass untouched', async () => {
    const odd = { id: 42, object: 'not-a-model', created: 'yesterday', owned_by: null, future_field: { nested: [1, 'two'] } };
    loopback.server.handler = (_request, reply) => reply.json(200, odd);
    expect(await retrieve()).toEqual(odd);
  });

  it('validates pages against a list schema', async () => {
    loopback.server.handler = (_request, reply) => reply.json(200, { object: 'list', data: [{ id: 'a' }, { id: 7 }], has_more: false });
    const schema = v.object({ object: v.literal('list'), data: v.array(v.object({ id: v.string() })), has_more: v.boolean() });
    const error = await rejectionOf(requestPage(loopback.client(), { method: 'GET', path: '/files' }, { schema }));
    expect(ResponseParseError.isInstance(error)).toBe(true);
    expect(v.getDotPath((error as ResponseParseError).issues![0] as v.BaseIssue<unknown>)).toBe('data.1.id');
  });
});
