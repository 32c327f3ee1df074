import { createClient, ResponseParseError } from '@openai-micro/core';
import { jsonReply, startTestServer, type TestServer } from '@openai-micro/testing';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deleteModel } from './delete-model.js';
import { listEngines } from './list-engines.js';
import { listModels } from './list-models.js';
import { retrieveEngine } from './retrieve-engine.js';
import { retrieveModel } from './retrieve-model.js';
import {
  createDeleteModelResponseSchema,
  createEngineSchema,
  createListEnginesResponseSchema,
  createListModelsResponseSchema,
  createModelSchema,
} from './schemas.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => server.reset());
afterAll(() => server.close());

const client = () => createClient({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });

describe('models response schemas', () => {
  it('validate the model list, a model and a deletion', async () => {
    const { data } = await listModels(client(), { schema: createListModelsResponseSchema() });
    expect(data.map((model) => model.id)).toContain('gpt-4o-mini');
    const model = await retrieveModel(client(), { model: 'gpt-4o-mini' }, { schema: createModelSchema() });
    expect(model).toMatchObject({ id: 'gpt-4o-mini', object: 'model' });
    const deleted = await deleteModel(client(), { model: 'gpt-4o-mini' }, { schema: createDeleteModelResponseSchema() });
    expect(deleted).toMatchObject({ id: 'gpt-4o-mini', deleted: true });
  });

  it('validate the deprecated engines', async () => {
    const { data } = await listEngines(client(), { schema: createListEnginesResponseSchema() });
    expect(data.length).toBeGreaterThan(0);
    const engine = await retrieveEngine(client(), { engine_id: data[0]!.id }, { schema: createEngineSchema() });
    expect(engine.object).toBe('engine');
    expect(createEngineSchema()).toBe(createEngineSchema());
  });

  it('accept the permissions older answers listed', () => {
    const permission = { id: 'modelperm-1', object: 'model_permission', created: 1, organization: '*', group: null, is_blocking: false };
    const flags = { allow_create_engine: false, allow_sampling: true, allow_logprobs: true, allow_search_indices: false, allow_view: true, allow_fine_tuning: false };
    const model = { id: 'davinci', object: 'model', created: 1, owned_by: 'openai', permission: [{ ...permission, ...flags }], root: 'davinci', parent: null };
    expect(v.parse(createModelSchema(), model)).toEqual(model);
  });

  it('reject a malformed model list with ResponseParseError carrying the issues', async () => {
    server.replyOnce('GET /v1/models', jsonReply({ object: 'list', data: [{ id: 'gpt-4o', object: 'model', created: 1 }] }));
    const error = await listModels(client(), { schema: createListModelsResponseSchema() }).catch((caught: unknown) => caught);
    expect(ResponseParseError.isInstance(error)).toBe(true);
    expect((error as ResponseParseError).issues?.map((issue) => v.getDotPath(issue as v.BaseIssue<unknown>))).toEqual(['data.0.owned_by']);
  });
});
