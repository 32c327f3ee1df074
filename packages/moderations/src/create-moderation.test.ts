import { createClient, getResponseMetadata, isBadRequestError } from '@openai-micro/core';
import { jsonBody, testClientOptions, useLoopbackServer } from '@openai-micro/tooling/test-client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createModeration } from './create-moderation.js';
import type { CreateModerationResponse } from './types.js';

const categories = {
  hate: false,
  'hate/threatening': false,
  harassment: false,
  'harassment/threatening': false,
  'self-harm': true,
  'self-harm/intent': true,
  'self-harm/instructions': false,
  sexual: false,
  'sexual/minors': false,
  violence: false,
  'violence/graphic': false,
};
const scores = Object.fromEntries(Object.entries(categories).map(([name, flagged]) => [name, flagged ? 0.91 : 0.0001]));
const reply: CreateModerationResponse = {
  id: 'modr-1',
  model: 'text-moderation-007',
  results: [{ flagged: true, categories, category_scores: scores as CreateModerationResponse['results'][number]['category_scores'] }],
};

const loopback = useLoopbackServer((request, response) => {
  const body = jsonBody(request) as { input: unknown };
  if (body.input === '') return response.json(400, { error: { message: 'input is empty', type: 'invalid_request_error', param: 'input', code: null } });
  return response.json(200, reply, { 'x-request-id': 'req_mod' });
});

const client = () => createClient(testClientOptions(loopback.server));

describe('createModeration', () => {
  it('posts exactly the given body to /moderations and returns categories under their slash names', async () => {
    const response = await createModeration(client(), { input: 'I want to hurt myself.' });

    const [received] = loopback.server.requests;
    expect([received?.method, received?.path, received?.headers.authorization]).toEqual(['POST', '/v1/moderations', 'Bearer sk-test']);
    expect(received?.body.toString()).toBe('{"input":"I want to hurt myself."}');
    expect(response).toEqual(reply);
    const result = response.results[0]!;
    expect([result.categories['self-harm/intent'], result.category_scores['self-harm/intent']]).toEqual([true, 0.91]);
    expect(getResponseMetadata(response).requestId).toBe('req_mod');
    expectTypeOf(result.categories['hate/threatening']).toEqualTypeOf<boolean>();
    expectTypeOf(result.categories.illicit).toEqualTypeOf<boolean | null | undefined>();
    expectTypeOf(result.category_scores.violence).toEqualTypeOf<number>();
  });

  it('sends arrays, multi-modal parts, any model and newer fields as given', async () => {
    await createModeration(client(), { input: ['one', 'two'], model: 'text-moderation-stable' });
    await createModeration(client(), {
      input: [
        { type: 'text', text: 'look' },
        { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
      ],
      model: 'omni-moderation-latest',
      future_field: 0,
    });

    expect(loopback.server.requests.map(jsonBody)).toEqual([
      { input: ['one', 'two'], model: 'text-moderation-stable' },
      {
        input: [
          { type: 'text', text: 'look' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
        ],
        model: 'omni-moderation-latest',
        future_field: 0,
      },
    ]);
  });

  it('reports input it cannot use as a rejected promise, never a synchronous throw', async () => {
    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = createModeration(client(), null as never);
    }).not.toThrow();
    await expect(pending).rejects.toThrow(TypeError);
    expect(loopback.server.requests).toHaveLength(0);
  });

  it("types the API's refusal", async () => {
    const failure = await createModeration(client(), { input: '' }).catch((error: unknown) => error);

    expect(isBadRequestError(failure)).toBe(true);
    expect(failure).toMatchObject({ status: 400, param: 'input', message: '400 input is empty' });
  });
});
