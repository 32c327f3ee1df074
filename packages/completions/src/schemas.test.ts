import { createClient, ResponseParseError } from '@openai-micro/core';
import { jsonReply, startTestServer, type TestServer } from '@openai-micro/testing';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCompletion } from './create-completion.js';
import { createCompletionStream } from './create-completion-stream.js';
import { createEdit } from './create-edit.js';
import { createCompletionResponseSchema, createEditResponseSchema } from './schemas.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => server.reset());
afterAll(() => server.close());

const client = () => createClient({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });

describe('completions response schemas', () => {
  it('validate a completion (one choice per prompt, echoed) and resolve the validated value', async () => {
    const completion = await createCompletion(
      client(),
      { model: 'gpt-3.5-turbo-instruct', prompt: ['Say hi', 'Say bye'], echo: true },
      { schema: createCompletionResponseSchema() },
    );
    expect(completion.choices.map((choice) => choice.index)).toEqual([0, 1]);
    expect(completion.choices[0]?.text).toContain('Say hi');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('validate every chunk of a stream with the same schema', async () => {
    const schema = createCompletionResponseSchema();
    let text = '';
    for await (const chunk of await createCompletionStream(client(), { model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi' })) {
      text += v.parse(schema, chunk).choices[0]?.text ?? '';
    }
    expect(text).toBe('Hello! This is the openai-micro test server.');
  });

  it('validate an edit', async () => {
    const edit = await createEdit(client(), { model: 'text-davinci-edit-001', input: 'teh cat', instruction: 'Fix it' }, { schema: createEditResponseSchema() });
    expect(edit.choices[0]?.text).toBe('Hello! This is the openai-micro test server.');
    expect(createEditResponseSchema()).toBe(createEditResponseSchema());
  });

  it('reject a malformed completion with ResponseParseError carrying the issues', async () => {
    server.replyOnce(
      'POST /v1/completions',
      jsonReply({ id: 'cmpl-1', object: 'text_completion', created: 1, model: 'm', choices: [{ text: 42, index: 0, logprobs: null, finish_reason: 'stop' }] }),
    );
    const error = await createCompletion(client(), { model: 'm', prompt: 'x' }, { schema: createCompletionResponseSchema() }).catch((caught: unknown) => caught);
    expect(ResponseParseError.isInstance(error)).toBe(true);
    expect((error as ResponseParseError).issues?.map((issue) => v.getDotPath(issue as v.BaseIssue<unknown>))).toEqual(['choices.0.text']);
  });

  it('reject an edit without usage', async () => {
    server.replyOnce('POST /v1/edits', jsonReply({ object: 'edit', created: 1, choices: [] }));
    const error = await createEdit(client(), { model: 'm', instruction: 'x' }, { schema: createEditResponseSchema() }).catch((caught: unknown) => caught);
    expect((error as ResponseParseError).issues?.map((issue) => v.getDotPath(issue as v.BaseIssue<unknown>))).toEqual(['usage']);
  });
});
