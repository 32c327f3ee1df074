import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANSWER } from '../chat-replies';
import { embeddingVector } from '../embedding-vector';
import { startTestServer, type TestServer } from '../server';
import { postJson } from '../test-support';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ now: () => 1_700_000_000_000 });
});
afterEach(() => server.close());

const messages = [{ role: 'user', content: 'Hello there' }];

describe('chat completions', () => {
  it('answers with a chat.completion carrying the canned answer and usage', async () => {
    const body = await (await postJson(server, '/chat/completions', { model: 'gpt-4o-mini', messages })).json();
    expect(body).toEqual({
      id: 'chatcmpl-000001',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gpt-4o-mini',
      system_fingerprint: 'fp_openai_micro',
      choices: [{ index: 0, message: { role: 'assistant', content: DEFAULT_ANSWER }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 8, completion_tokens: 11, total_tokens: 19 },
    });
  });

  it('honours n and max_tokens', async () => {
    const body = await (await postJson(server, '/chat/completions', { model: 'm', messages, n: 3, max_tokens: 1 })).json();
    expect(body.choices.map((choice: any) => [choice.index, choice.message.content, choice.finish_reason])).toEqual([
      [0, 'Hello', 'length'],
      [1, 'Hello', 'length'],
      [2, 'Hello', 'length'],
    ]);
  });

  it('refuses requests without model or messages like the API', async () => {
    const noModel = await postJson(server, '/chat/completions', { messages });
    expect(noModel.status).toBe(400);
    expect((await noModel.json()).error).toMatchObject({ param: 'model', type: 'invalid_request_error' });
    const noMessages = await postJson(server, '/chat/completions', { model: 'm', messages: [] });
    expect((await noMessages.json()).error.param).toBe('messages');
    const badJson = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      body: '{"model":',
    });
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error.message).toContain('could not parse the JSON body');
  });
});

describe('legacy completions and edits', () => {
  it('answers one choice per prompt and n, echoing prompts when asked', async () => {
    const body = await (
      await postJson(server, '/completions', { model: 'gpt-3.5-turbo-instruct', prompt: ['A', 'B'], n: 2, echo: true })
    ).json();
    expect(body.object).toBe('text_completion');
    expect(body.choices.map((choice: any) => [choice.index, choice.text])).toEqual([
      [0, `A${DEFAULT_ANSWER}`],
      [1, `A${DEFAULT_ANSWER}`],
      [2, `B${DEFAULT_ANSWER}`],
      [3, `B${DEFAULT_ANSWER}`],
    ]);
    expect(body.usage.completion_tokens).toBe(44);
  });

  it('answers edits', async () => {
    const body = await (await postJson(server, '/edits', { model: 'text-davinci-edit-001', instruction: 'Fix', input: 'teh' })).json();
    expect(body).toMatchObject({ object: 'edit', choices: [{ index: 0, text: DEFAULT_ANSWER }] });
    const missing = await postJson(server, '/edits', { model: 'm' });
    expect((await missing.json()).error.param).toBe('instruction');
  });
});

describe('embeddings', () => {
  const decode = (base64: string) => Array.from(new Float32Array(new Uint8Array(Buffer.from(base64, 'base64')).buffer));

  it('returns deterministic vectors, and base64 decodes to the same floats', async () => {
    const request = { model: 'text-embedding-3-small', input: ['alpha', 'beta'], dimensions: 16 };
    const floats = await (await postJson(server, '/embeddings', request)).json();
    const base64 = await (await postJson(server, '/embeddings', { ...request, encoding_format: 'base64' })).json();
    expect(floats.data.map((item: any) => item.embedding.length)).toEqual([16, 16]);
    expect(floats.data[0].embedding).toEqual(Array.from(embeddingVector('alpha', 16)));
    expect(base64.data.map((item: any) => decode(item.embedding))).toEqual(floats.data.map((item: any) => item.embedding));
    expect(floats).toMatchObject({ object: 'list', model: 'text-embedding-3-small', usage: { prompt_tokens: 2, total_tokens: 2 } });
    expect(floats.data[1]).toMatchObject({ object: 'embedding', index: 1 });
  });

  it('uses model dimensions by default, accepts token arrays, and refuses dimensions for ada', async () => {
    const large = await (await postJson(server, '/embeddings', { model: 'text-embedding-3-large', input: [1, 2, 3] })).json();
    expect(large.data).toHaveLength(1);
    expect(large.data[0].embedding).toHaveLength(3072);
    const ada = await postJson(server, '/embeddings', { model: 'text-embedding-ada-002', input: 'x', dimensions: 8 });
    expect(ada.status).toBe(400);
    const missing = await postJson(server, '/embeddings', { model: 'text-embedding-3-small' });
    expect((await missing.json()).error.param).toBe('input');
  });
});

describe('moderations', () => {
  it('flags a top-level category named as a word in the input', async () => {
    const body = await (await postJson(server, '/moderations', { input: ['a calm text, whatever', 'pure violence'] })).json();
    expect(body.id).toBe('modr-000001');
    expect(body.results.map((result: any) => result.flagged)).toEqual([false, true]);
    expect(body.results[1].categories.violence).toBe(true);
    expect(body.results[1].categories['violence/graphic']).toBe(false);
    expect(Object.keys(body.results[0].category_scores)).toHaveLength(11);
  });
});
