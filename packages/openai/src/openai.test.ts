import { APIError, type Client, createClient, TimeoutError } from '@openai-micro/core';
import { createAzureClient } from '@openai-micro/core/azure';
import { DEFAULT_ANSWER, errorReply, hangReply, type RecordedRequest, startTestServer, type TestServer } from '@openai-micro/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import OpenAIDefault, { createOpenAI, OpenAI } from './index.js';

const apiKey = 'sk-facade';
let server: TestServer;
let openai: OpenAI;

beforeAll(async () => {
  server = await startTestServer({ apiKey, runToolCalls: true });
  openai = new OpenAI({ apiKey, baseURL: server.url, maxRetries: 0 });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.clearRequests();
});

/** The one request the server received, checked against the route the call must hit. */
function sent(route: string): RecordedRequest {
  expect(server.requests.map((request) => request.route)).toEqual([route]);
  return server.requests[0]!;
}

function part(request: RecordedRequest, name: string) {
  return request.parts?.find((candidate) => candidate.name === name);
}

async function collect<Item>(source: AsyncIterable<Item>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const item of source) items.push(item);
  return items;
}

describe('constructing the facade', () => {
  it('maps the official SDK option names onto the client', async () => {
    const calls: string[] = [];
    const custom = new OpenAI({
      apiKey,
      baseURL: server.url,
      organization: 'org-facade',
      project: 'proj_facade',
      defaultHeaders: { 'X-Team': 'search' },
      defaultQuery: { tenant: 'acme' },
      fetch: (input, init) => {
        calls.push(String(input));
        return fetch(input, init);
      },
    });
    expect(custom.baseURL).toBe(server.url);
    await custom.models.list();
    const request = sent('GET /v1/models');
    expect(request.headers).toMatchObject({
      authorization: `Bearer ${apiKey}`,
      'openai-organization': 'org-facade',
      'openai-project': 'proj_facade',
      'x-team': 'search',
    });
    expect(request.query).toEqual({ tenant: 'acme' });
    expect(calls).toEqual([`${server.url}/models?tenant=acme`]);
  });

  it('reads OPENAI_ORG_ID and OPENAI_PROJECT_ID as the official SDK does', async () => {
    process.env.OPENAI_ORG_ID = 'org-from-env';
    process.env.OPENAI_PROJECT_ID = 'proj_from_env';
    try {
      await createOpenAI({ apiKey, baseURL: server.url }).models.list();
    } finally {
      delete process.env.OPENAI_ORG_ID;
      delete process.env.OPENAI_PROJECT_ID;
    }
    expect(sent('GET /v1/models').headers).toMatchObject({ 'openai-organization': 'org-from-env', 'openai-project': 'proj_from_env' });
  });

  it('honours maxRetries and timeout', async () => {
    server.replyOnce('GET /v1/models', errorReply(500, { retryAfter: 0 }));
    server.replyOnce('GET /v1/models', errorReply(500, { retryAfter: 0 }));
    const retried = new OpenAI({ apiKey, baseURL: server.url, maxRetries: 1 });
    const failure = await retried.models.list().catch((error: unknown) => error);
    expect(APIError.isInstance(failure) && failure.status).toBe(500);
    expect(server.requestsTo('GET /v1/models')).toHaveLength(2);

    server.replyOnce('GET /v1/models', hangReply());
    const impatient = new OpenAI({ apiKey, baseURL: server.url, maxRetries: 0, timeout: 150 });
    const timedOut = await impatient.models.list().catch((error: unknown) => error);
    expect(TimeoutError.isInstance(timedOut)).toBe(true);
  });

  it('passes per-call options through', async () => {
    await openai.models.retrieve('gpt-4o-mini', { headers: { 'X-Call': 'one' }, query: { trace: '1' } });
    const request = sent('GET /v1/models/{model}');
    expect(request.headers['x-call']).toBe('one');
    expect(request.query).toEqual({ trace: '1' });
  });

  it('wraps an existing client, Azure included, and is the default export', async () => {
    expect(OpenAIDefault).toBe(OpenAI);
    const azureClient: Client = createAzureClient({ apiKey, baseURL: server.origin, maxRetries: 0 });
    const azure = new OpenAI({ client: azureClient });
    expect(azure.client).toBe(azureClient);
    await azure.chat.completions.create({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: 'Hi' }] });
    const request = sent('POST /v1/chat/completions');
    expect(request.path).toBe('/openai/deployments/gpt-35-turbo/chat/completions');
    expect(request.headers['api-key']).toBe(apiKey);
  });
});

describe('openai.chat.completions.create', () => {
  const messages = [{ role: 'user' as const, content: 'Hello' }];

  it('calls createChatCompletion without stream, sending the body as given', async () => {
    const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, temperature: 0, stream: false });
    expect(completion.choices[0]?.message.content).toBe(DEFAULT_ANSWER);
    expect(sent('POST /v1/chat/completions').json).toEqual({ model: 'gpt-4o-mini', messages, temperature: 0 });
  });

  it('with stream: true returns an async iterable of chunks', async () => {
    const stream = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, stream: true });
    const chunks = await collect(stream);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(DEFAULT_ANSWER);
    expect(sent('POST /v1/chat/completions').json).toEqual({ model: 'gpt-4o-mini', messages, stream: true });
  });
});

describe('openai.completions.create', () => {
  it('calls createCompletion', async () => {
    const completion = await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi', max_tokens: 3 });
    expect(completion.choices[0]?.text).toBe('Hello! This');
    expect(sent('POST /v1/completions').json).toEqual({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi', max_tokens: 3 });
  });

  it('with stream: true returns an async iterable of chunks', async () => {
    const stream = await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi', stream: true });
    expect((await collect(stream)).map((chunk) => chunk.choices[0]?.text ?? '').join('')).toBe(DEFAULT_ANSWER);
    expect(sent('POST /v1/completions').json).toEqual({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi', stream: true });
  });
});

describe('openai.embeddings and openai.moderations', () => {
  it('embeddings.create sends the request and decodes base64 embeddings', async () => {
    const floats = await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'hello', dimensions: 4 });
    expect(floats.data[0]?.embedding).toHaveLength(4);
    expect(sent('POST /v1/embeddings').json).toEqual({ model: 'text-embedding-3-small', input: 'hello', dimensions: 4 });
    server.clearRequests();
    const decoded = await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'hello', dimensions: 4, encoding_format: 'base64' });
    expect(decoded.data[0]?.embedding).toBeInstanceOf(Float32Array);
    expect([...decoded.data[0]!.embedding]).toEqual(floats.data[0]!.embedding.map((value) => Math.fround(value)));
    expect(sent('POST /v1/embeddings').json).toMatchObject({ encoding_format: 'base64' });
  });

  it('moderations.create', async () => {
    const moderation = await openai.moderations.create({ input: 'some text', model: 'text-moderation-latest' });
    expect(moderation.results).toHaveLength(1);
    expect(sent('POST /v1/moderations').json).toEqual({ input: 'some text', model: 'text-moderation-latest' });
  });
});

describe('openai.models', () => {
  it('list, retrieve, del and delete', async () => {
    const { data } = await openai.models.list();
    expect(data.length).toBeGreaterThan(0);
    sent('GET /v1/models');
    server.clearRequests();

    const model = await openai.models.retrieve('gpt-4o-mini');
    expect(model.id).toBe('gpt-4o-mini');
    expect(sent('GET /v1/models/{model}').params).toEqual({ model: 'gpt-4o-mini' });
    server.clearRequests();

    for (const remove of [openai.models.del.bind(openai.models), openai.models.delete.bind(openai.models)]) {
      const failure = await remove('ft:gpt-4o-mini:acme::missing').catch((error: unknown) => error);
      // Deleting a model that does not exist is the API's 404: the route and id were right.
      expect(APIError.isInstance(failure) && failure.status).toBe(404);
      const request = sent('DELETE /v1/models/{model}');
      expect(request.params).toEqual({ model: 'ft:gpt-4o-mini:acme::missing' });
      server.clearRequests();
    }
  });
});

describe('openai.files', () => {
  it('create, list, retrieve, content, del and delete', async () => {
    const contents = '{"prompt":"hi","completion":"there"}\n';
    const file = await openai.files.create({ file: { data: new TextEncoder().encode(contents), name: 'train.jsonl' }, purpose: 'fine-tune' });
    const upload = sent('POST /v1/files');
    expect(part(upload, 'purpose')?.text).toBe('fine-tune');
    expect(part(upload, 'file')).toMatchObject({ filename: 'train.jsonl', text: contents });
    server.clearRequests();

    const listed = await collect(await openai.files.list({ purpose: 'fine-tune' }));
    expect(listed.map((item) => item.id)).toContain(file.id);
    expect(server.requests[0]).toMatchObject({ route: 'GET /v1/files', query: { purpose: 'fine-tune' } });
    server.clearRequests();

    expect((await openai.files.retrieve(file.id)).filename).toBe('train.jsonl');
    expect(sent('GET /v1/files/{file_id}').params).toEqual({ file_id: file.id });
    server.clearRequests();

    expect(await (await openai.files.content(file.id)).text()).toBe(contents);
    expect(sent('GET /v1/files/{file_id}/content').params).toEqual({ file_id: file.id });
    server.clearRequests();

    expect(await openai.files.del(file.id)).toMatchObject({ id: file.id, deleted: true });
    expect(sent('DELETE /v1/files/{file_id}').params).toEqual({ file_id: file.id });
    server.clearRequests();

    const second = await openai.files.create({ file: { data: new Uint8Array([1]), name: 'b.jsonl' }, purpose: 'assistants' });
    server.clearRequests();
    expect(await openai.files.delete(second.id)).toMatchObject({ id: second.id, deleted: true });
    expect(sent('DELETE /v1/files/{file_id}').params).toEqual({ file_id: second.id });
  });
});

describe('openai.images', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

  it('generate', async () => {
    const { data } = await openai.images.generate({ prompt: 'A lighthouse', size: '256x256', n: 1 });
    expect(data[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/testing\/images\//);
    expect(sent('POST /v1/images/generations').json).toEqual({ prompt: 'A lighthouse', size: '256x256', n: 1 });
  });

  it('edit', async () => {
    await openai.images.edit({ image: { data: png, name: 'room.png' }, prompt: 'Add a plant', n: 2 });
    const request = sent('POST /v1/images/edits');
    expect(part(request, 'image')?.filename).toBe('room.png');
    expect(part(request, 'prompt')?.text).toBe('Add a plant');
    expect(part(request, 'n')?.text).toBe('2');
  });

  it('createVariation', async () => {
    await openai.images.createVariation({ image: { data: png, name: 'logo.png' }, response_format: 'b64_json' });
    const request = sent('POST /v1/images/variations');
    expect(part(request, 'image')?.data).toEqual(png);
    expect(part(request, 'response_format')?.text).toBe('b64_json');
  });
});

describe('openai.audio', () => {
  const audio = { data: new Uint8Array([0x49, 0x44, 0x33, 1, 2, 3]), name: 'talk.mp3' };

  it('transcriptions.create, with a text format as { text }', async () => {
    const { text } = await openai.audio.transcriptions.create({ file: audio, model: 'whisper-1', language: 'en', response_format: 'text' });
    expect(text).toBe(`${DEFAULT_ANSWER}\n`);
    const request = sent('POST /v1/audio/transcriptions');
    expect(part(request, 'file')?.data).toEqual(audio.data);
    expect(part(request, 'language')?.text).toBe('en');
    expect(part(request, 'response_format')?.text).toBe('text');
  });

  it('translations.create', async () => {
    const { text } = await openai.audio.translations.create({ file: audio, model: 'whisper-1' });
    expect(text).toBe(DEFAULT_ANSWER);
    expect(part(sent('POST /v1/audio/translations'), 'model')?.text).toBe('whisper-1');
  });

  it('speech.create streams the audio', async () => {
    const speech = await openai.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'Hello!', response_format: 'wav' });
    expect((await speech.bytes()).length).toBeGreaterThan(0);
    expect(sent('POST /v1/audio/speech').json).toEqual({ model: 'tts-1', voice: 'alloy', input: 'Hello!', response_format: 'wav' });
  });
});

describe('openai.fineTuning.jobs', () => {
  it('create, list, retrieve, listEvents and cancel', async () => {
    const job = await openai.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: 'file-train', suffix: 'facade' });
    expect(sent('POST /v1/fine_tuning/jobs').json).toEqual({ model: 'gpt-4o-mini-2024-07-18', training_file: 'file-train', suffix: 'facade' });
    server.clearRequests();

    const jobs = await openai.fineTuning.jobs.list({ limit: 5 });
    expect(jobs.data.map((item) => item.id)).toContain(job.id);
    expect(sent('GET /v1/fine_tuning/jobs').query).toEqual({ limit: '5' });
    server.clearRequests();

    expect((await openai.fineTuning.jobs.retrieve(job.id)).id).toBe(job.id);
    expect(sent('GET /v1/fine_tuning/jobs/{fine_tuning_job_id}').params).toEqual({ fine_tuning_job_id: job.id });
    server.clearRequests();

    const events = await openai.fineTuning.jobs.listEvents(job.id, { limit: 2 });
    expect(events.data.length).toBeGreaterThan(0);
    const eventsRequest = sent('GET /v1/fine_tuning/jobs/{fine_tuning_job_id}/events');
    expect(eventsRequest.params).toEqual({ fine_tuning_job_id: job.id });
    expect(eventsRequest.query).toEqual({ limit: '2' });
    server.clearRequests();

    expect((await openai.fineTuning.jobs.cancel(job.id)).status).toBe('cancelled');
    expect(sent('POST /v1/fine_tuning/jobs/{fine_tuning_job_id}/cancel').params).toEqual({ fine_tuning_job_id: job.id });
  });
});

describe('openai.beta.assistants', () => {
  it('create, retrieve, update, list, files, del and delete', async () => {
    const assistant = await openai.beta.assistants.create({ model: 'gpt-4o-mini', name: 'Tutor', instructions: 'Be brief.' });
    const created = sent('POST /v1/assistants');
    expect(created.json).toEqual({ model: 'gpt-4o-mini', name: 'Tutor', instructions: 'Be brief.' });
    expect(created.headers['openai-beta']).toBe('assistants=v1');
    server.clearRequests();

    expect((await openai.beta.assistants.retrieve(assistant.id)).name).toBe('Tutor');
    expect(sent('GET /v1/assistants/{assistant_id}').params).toEqual({ assistant_id: assistant.id });
    server.clearRequests();

    expect((await openai.beta.assistants.update(assistant.id, { name: 'Coach' })).name).toBe('Coach');
    const updated = sent('POST /v1/assistants/{assistant_id}');
    expect(updated.json).toEqual({ name: 'Coach' });
    server.clearRequests();

    const listed = await openai.beta.assistants.list({ limit: 10, order: 'asc' });
    expect(listed.data.map((item) => item.id)).toContain(assistant.id);
    expect(sent('GET /v1/assistants').query).toEqual({ limit: '10', order: 'asc' });
    server.clearRequests();

    const file = await openai.files.create({ file: { data: new Uint8Array([1, 2]), name: 'notes.txt' }, purpose: 'assistants' });
    server.clearRequests();
    const attached = await openai.beta.assistants.files.create(assistant.id, { file_id: file.id });
    expect(attached.id).toBe(file.id);
    const attachedRequest = sent('POST /v1/assistants/{assistant_id}/files');
    expect(attachedRequest.params).toEqual({ assistant_id: assistant.id });
    expect(attachedRequest.json).toEqual({ file_id: file.id });
    server.clearRequests();

    expect((await openai.beta.assistants.files.retrieve(assistant.id, file.id)).id).toBe(file.id);
    expect(sent('GET /v1/assistants/{assistant_id}/files/{file_id}').params).toEqual({ assistant_id: assistant.id, file_id: file.id });
    server.clearRequests();

    expect((await collect(await openai.beta.assistants.files.list(assistant.id, { limit: 1 }))).map((item) => item.id)).toEqual([file.id]);
    expect(server.requests[0]).toMatchObject({ route: 'GET /v1/assistants/{assistant_id}/files', query: { limit: '1' } });
    server.clearRequests();

    expect(await openai.beta.assistants.files.del(assistant.id, file.id)).toMatchObject({ id: file.id, deleted: true });
    sent('DELETE /v1/assistants/{assistant_id}/files/{file_id}');
    server.clearRequests();

    expect(await openai.beta.assistants.del(assistant.id)).toMatchObject({ id: assistant.id, deleted: true });
    expect(sent('DELETE /v1/assistants/{assistant_id}').params).toEqual({ assistant_id: assistant.id });
    server.clearRequests();

    const other = await openai.beta.assistants.create({ model: 'gpt-4o-mini' });
    server.clearRequests();
    expect(await openai.beta.assistants.delete(other.id)).toMatchObject({ id: other.id, deleted: true });
    sent('DELETE /v1/assistants/{assistant_id}');
  });
});

describe('openai.beta.threads', () => {
  it('create, retrieve, update, messages (and their files), del and delete', async () => {
    const thread = await openai.beta.threads.create({ metadata: { topic: 'billing' } });
    expect(sent('POST /v1/threads').json).toEqual({ metadata: { topic: 'billing' } });
    server.clearRequests();

    expect((await openai.beta.threads.retrieve(thread.id)).id).toBe(thread.id);
    expect(sent('GET /v1/threads/{thread_id}').params).toEqual({ thread_id: thread.id });
    server.clearRequests();

    expect((await openai.beta.threads.update(thread.id, { metadata: { topic: 'refunds' } })).metadata).toEqual({ topic: 'refunds' });
    expect(sent('POST /v1/threads/{thread_id}').json).toEqual({ metadata: { topic: 'refunds' } });
    server.clearRequests();

    const file = await openai.files.create({ file: { data: new Uint8Array([1]), name: 'invoice.pdf' }, purpose: 'assistants' });
    server.clearRequests();
    const message = await openai.beta.threads.messages.create(thread.id, { role: 'user', content: 'Where is my refund?', file_ids: [file.id] });
    const createdMessage = sent('POST /v1/threads/{thread_id}/messages');
    expect(createdMessage.params).toEqual({ thread_id: thread.id });
    expect(createdMessage.json).toEqual({ role: 'user', content: 'Where is my refund?', file_ids: [file.id] });
    server.clearRequests();

    expect((await openai.beta.threads.messages.retrieve(thread.id, message.id)).id).toBe(message.id);
    expect(sent('GET /v1/threads/{thread_id}/messages/{message_id}').params).toEqual({ thread_id: thread.id, message_id: message.id });
    server.clearRequests();

    await openai.beta.threads.messages.update(thread.id, message.id, { metadata: { seen: 'yes' } });
    expect(sent('POST /v1/threads/{thread_id}/messages/{message_id}').json).toEqual({ metadata: { seen: 'yes' } });
    server.clearRequests();

    const messages = await openai.beta.threads.messages.list(thread.id, { order: 'asc' });
    expect(messages.data.map((item) => item.id)).toEqual([message.id]);
    expect(sent('GET /v1/threads/{thread_id}/messages').query).toEqual({ order: 'asc' });
    server.clearRequests();

    const messageFiles = await openai.beta.threads.messages.files.list(thread.id, message.id);
    expect(messageFiles.data.map((item) => item.id)).toEqual([file.id]);
    sent('GET /v1/threads/{thread_id}/messages/{message_id}/files');
    server.clearRequests();

    expect((await openai.beta.threads.messages.files.retrieve(thread.id, message.id, file.id)).id).toBe(file.id);
    expect(sent('GET /v1/threads/{thread_id}/messages/{message_id}/files/{file_id}').params).toEqual({
      thread_id: thread.id,
      message_id: message.id,
      file_id: file.id,
    });
    server.clearRequests();

    expect(await openai.beta.threads.del(thread.id)).toMatchObject({ id: thread.id, deleted: true });
    sent('DELETE /v1/threads/{thread_id}');
    server.clearRequests();

    const other = await openai.beta.threads.create();
    server.clearRequests();
    expect(await openai.beta.threads.delete(other.id)).toMatchObject({ id: other.id, deleted: true });
    sent('DELETE /v1/threads/{thread_id}');
  });

  it('createAndRun, with and without a stream, and createAndRunPoll', async () => {
    const assistant = await openai.beta.assistants.create({ model: 'gpt-4o-mini' });
    server.clearRequests();
    const body = { assistant_id: assistant.id, thread: { messages: [{ role: 'user' as const, content: 'Hi' }] } };

    const run = await openai.beta.threads.createAndRun(body);
    expect(run.status).toBe('queued');
    expect(sent('POST /v1/threads/runs').json).toEqual(body);
    server.clearRequests();

    const events = await collect(await openai.beta.threads.createAndRun({ ...body, stream: true }));
    expect(events[0]?.event).toBe('thread.created');
    expect(events.at(-1)?.event).toBe('thread.run.completed');
    expect(sent('POST /v1/threads/runs').json).toEqual({ ...body, stream: true });
    server.clearRequests();

    const polled = await openai.beta.threads.createAndRunPoll(body, { intervalMs: 1, maxIntervalMs: 1 });
    expect(polled.status).toBe('completed');
    expect(server.requests.map((request) => request.route)).toEqual([
      'POST /v1/threads/runs',
      'GET /v1/threads/{thread_id}/runs/{run_id}',
      'GET /v1/threads/{thread_id}/runs/{run_id}',
    ]);
  });
});

describe('openai.beta.threads.runs', () => {
  let threadId: string;
  let assistantId: string;

  beforeAll(async () => {
    assistantId = (await openai.beta.assistants.create({ model: 'gpt-4o-mini' })).id;
    threadId = (await openai.beta.threads.create({ messages: [{ role: 'user', content: 'Hi' }] })).id;
    server.clearRequests();
  });

  it('create, retrieve, update, list, steps and cancel', async () => {
    const run = await openai.beta.threads.runs.create(threadId, { assistant_id: assistantId, instructions: 'Be brief.' });
    const created = sent('POST /v1/threads/{thread_id}/runs');
    expect(created.params).toEqual({ thread_id: threadId });
    expect(created.json).toEqual({ assistant_id: assistantId, instructions: 'Be brief.' });
    server.clearRequests();

    expect((await openai.beta.threads.runs.retrieve(threadId, run.id)).status).toBe('in_progress');
    expect(sent('GET /v1/threads/{thread_id}/runs/{run_id}').params).toEqual({ thread_id: threadId, run_id: run.id });
    server.clearRequests();

    await openai.beta.threads.runs.update(threadId, run.id, { metadata: { user: 'u1' } });
    expect(sent('POST /v1/threads/{thread_id}/runs/{run_id}').json).toEqual({ metadata: { user: 'u1' } });
    server.clearRequests();

    expect((await openai.beta.threads.runs.list(threadId, { limit: 3 })).data.map((item) => item.id)).toContain(run.id);
    expect(sent('GET /v1/threads/{thread_id}/runs').query).toEqual({ limit: '3' });
    server.clearRequests();

    await openai.beta.threads.runs.retrieve(threadId, run.id); // completes it, which adds its message step
    server.clearRequests();
    const steps = await openai.beta.threads.runs.steps.list(threadId, run.id, { order: 'asc' });
    expect(steps.data.length).toBeGreaterThan(0);
    const stepsRequest = sent('GET /v1/threads/{thread_id}/runs/{run_id}/steps');
    expect(stepsRequest.params).toEqual({ thread_id: threadId, run_id: run.id });
    expect(stepsRequest.query).toEqual({ order: 'asc' });
    server.clearRequests();

    const step = steps.data[0]!;
    expect((await openai.beta.threads.runs.steps.retrieve(threadId, run.id, step.id)).id).toBe(step.id);
    expect(sent('GET /v1/threads/{thread_id}/runs/{run_id}/steps/{step_id}').params).toEqual({ thread_id: threadId, run_id: run.id, step_id: step.id });
    server.clearRequests();

    const another = await openai.beta.threads.runs.create(threadId, { assistant_id: assistantId });
    server.clearRequests();
    expect((await openai.beta.threads.runs.cancel(threadId, another.id)).status).toMatch(/^cancell/);
    expect(sent('POST /v1/threads/{thread_id}/runs/{run_id}/cancel').params).toEqual({ thread_id: threadId, run_id: another.id });
  });

  it('create with stream: true returns an async iterable of run events', async () => {
    const events = await collect(await openai.beta.threads.runs.create(threadId, { assistant_id: assistantId, stream: true }));
    expect(events[0]?.event).toBe('thread.run.created');
    expect(events.at(-1)?.event).toBe('thread.run.completed');
    expect(sent('POST /v1/threads/{thread_id}/runs').json).toEqual({ assistant_id: assistantId, stream: true });
  });

  it('submitToolOutputs (plain and streamed), poll, createAndPoll and submitToolOutputsAndPoll', async () => {
    const tools = [{ type: 'function' as const, function: { name: 'lookup', parameters: { type: 'object', properties: {} } } }];
    const pollOptions = { intervalMs: 1, maxIntervalMs: 1 };

    const waiting = await openai.beta.threads.runs.createAndPoll(threadId, { assistant_id: assistantId, tools }, pollOptions);
    expect(waiting.status).toBe('requires_action');
    const callId = waiting.required_action!.submit_tool_outputs.tool_calls[0]!.id;
    server.clearRequests();

    const submitted = await openai.beta.threads.runs.submitToolOutputs(threadId, waiting.id, { tool_outputs: [{ tool_call_id: callId, output: '42' }] });
    expect(submitted.status).toBe('queued');
    const submitRequest = sent('POST /v1/threads/{thread_id}/runs/{run_id}/submit_tool_outputs');
    expect(submitRequest.params).toEqual({ thread_id: threadId, run_id: waiting.id });
    expect(submitRequest.json).toEqual({ tool_outputs: [{ tool_call_id: callId, output: '42' }] });
    server.clearRequests();

    expect((await openai.beta.threads.runs.poll(threadId, waiting.id, pollOptions)).status).toBe('completed');
    expect(server.requests.every((request) => request.route === 'GET /v1/threads/{thread_id}/runs/{run_id}')).toBe(true);
    server.clearRequests();

    const streamedRun = await openai.beta.threads.runs.createAndPoll(threadId, { assistant_id: assistantId, tools }, pollOptions);
    const streamedCall = streamedRun.required_action!.submit_tool_outputs.tool_calls[0]!.id;
    server.clearRequests();
    const events = await collect(
      await openai.beta.threads.runs.submitToolOutputs(threadId, streamedRun.id, { tool_outputs: [{ tool_call_id: streamedCall, output: '7' }], stream: true }),
    );
    expect(events.at(-1)?.event).toBe('thread.run.completed');
    expect(sent('POST /v1/threads/{thread_id}/runs/{run_id}/submit_tool_outputs').json).toEqual({
      tool_outputs: [{ tool_call_id: streamedCall, output: '7' }],
      stream: true,
    });
    server.clearRequests();

    const third = await openai.beta.threads.runs.createAndPoll(threadId, { assistant_id: assistantId, tools }, pollOptions);
    const thirdCall = third.required_action!.submit_tool_outputs.tool_calls[0]!.id;
    server.clearRequests();
    const done = await openai.beta.threads.runs.submitToolOutputsAndPoll(threadId, third.id, { tool_outputs: [{ tool_call_id: thirdCall, output: 'ok' }] }, pollOptions);
    expect(done.status).toBe('completed');
    expect(server.requests[0]?.route).toBe('POST /v1/threads/{thread_id}/runs/{run_id}/submit_tool_outputs');
  });
});

describe('the facade and the functions share one client', () => {
  it('exposes the core client for mixing both styles', async () => {
    const client = createClient({ apiKey, baseURL: server.url });
    const wrapped = createOpenAI({ client });
    expect(wrapped.client).toBe(client);
    expect(wrapped.baseURL).toBe(server.url);
  });
});
