import { createClient, ResponseParseError } from '@openai-micro/core';
import { jsonReply, startTestServer, type TestServer } from '@openai-micro/testing';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createModeration } from './create-moderation.js';
import { createModerationResponseSchema } from './schemas.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => server.reset());
afterAll(() => server.close());

const client = () => createClient({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });

describe('moderations response schema', () => {
  it('validates a moderation and resolves the validated value', async () => {
    const response = await createModeration(client(), { input: ['a calm day', 'pure violence'] }, { schema: createModerationResponseSchema() });
    expect(response.results.map((result) => result.flagged)).toEqual([false, true]);
    expect(response.results[1]?.categories.violence).toBe(true);
    expect(createModerationResponseSchema()).toBe(createModerationResponseSchema());
  });

  it('accepts newer categories, null included, and input types', () => {
    const result = v.parse(createModerationResponseSchema(), {
      id: 'modr-1',
      model: 'omni-moderation-latest',
      results: [
        {
          flagged: false,
          categories: { ...Object.fromEntries(Object.keys(scores).map((name) => [name, false])), illicit: null },
          category_scores: { ...scores, illicit: 0.01 },
          category_applied_input_types: { hate: ['text'], illicit: ['text', 'image'] },
        },
      ],
    });
    expect(result.results[0]?.categories.illicit).toBeNull();
  });

  it('rejects a malformed moderation with ResponseParseError carrying the issues', async () => {
    const { violence: _, ...withoutViolence } = scores;
    server.replyOnce(
      'POST /v1/moderations',
      jsonReply({ id: 'modr-1', model: 'm', results: [{ flagged: 'no', categories: {}, category_scores: { ...withoutViolence, hate: '0.1' } }] }),
    );
    const error = await createModeration(client(), { input: 'x' }, { schema: createModerationResponseSchema() }).catch((caught: unknown) => caught);
    expect(ResponseParseError.isInstance(error)).toBe(true);
    const paths = (error as ResponseParseError).issues?.map((issue) => v.getDotPath(issue as v.BaseIssue<unknown>));
    expect(paths).toEqual(expect.arrayContaining(['results.0.flagged', 'results.0.categories.hate', 'results.0.category_scores.hate', 'results.0.category_scores.violence']));
  });
});

const scores = {
  hate: 0.1,
  'hate/threatening': 0,
  harassment: 0,
  'harassment/threatening': 0,
  'self-harm': 0,
  'self-harm/intent': 0,
  'self-harm/instructions': 0,
  sexual: 0,
  'sexual/minors': 0,
  violence: 0,
  'violence/graphic': 0,
};
