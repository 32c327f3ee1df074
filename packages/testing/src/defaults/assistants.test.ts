import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server';
import { bearer, getJson, postJson } from '../test-support';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const remove = (path: string) => fetch(`${server.url}${path}`, { method: 'DELETE', headers: bearer }).then((response) => response.json());

describe('assistants', () => {
  it('creates, retrieves, modifies and deletes', async () => {
    const assistant = await (await postJson(server, '/assistants', { model: 'gpt-4', name: 'Helper', tools: [{ type: 'retrieval' }] })).json();
    expect(assistant).toMatchObject({
      id: 'asst_000001',
      object: 'assistant',
      name: 'Helper',
      description: null,
      instructions: null,
      tools: [{ type: 'retrieval' }],
      file_ids: [],
      metadata: {},
    });
    const modified = await (await postJson(server, '/assistants/asst_000001', { instructions: 'Be brief', tools: [] })).json();
    expect(modified).toMatchObject({ name: 'Helper', instructions: 'Be brief', tools: [] });
    expect((await getJson(server, '/assistants/asst_000001')).instructions).toBe('Be brief');
    expect(await remove('/assistants/asst_000001')).toEqual({ id: 'asst_000001', object: 'assistant.deleted', deleted: true });
    const missing = await fetch(`${server.url}/assistants/asst_000001`, { headers: bearer });
    expect([missing.status, (await missing.json()).error.message]).toEqual([404, "No assistant found with id 'asst_000001'."]);
  });

  it('pages with limit, order, after and before', async () => {
    for (let index = 0; index < 5; index++) await postJson(server, '/assistants', { model: 'gpt-4' });
    const page = await getJson(server, '/assistants?limit=2');
    expect(page).toMatchObject({ object: 'list', first_id: 'asst_000005', last_id: 'asst_000004', has_more: true });
    const next = await getJson(server, `/assistants?limit=2&after=${page.last_id}`);
    expect(next.data.map((item: any) => item.id)).toEqual(['asst_000003', 'asst_000002']);
    const ascending = await getJson(server, '/assistants?order=asc&limit=3&after=asst_000002');
    expect(ascending).toMatchObject({ first_id: 'asst_000003', last_id: 'asst_000005', has_more: false });
    const before = await getJson(server, '/assistants?order=asc&limit=2&before=asst_000003');
    expect(before.data.map((item: any) => item.id)).toEqual(['asst_000001', 'asst_000002']);
    expect((await fetch(`${server.url}/assistants?limit=500`, { headers: bearer })).status).toBe(400);
  });

  it('attaches, lists, retrieves and detaches assistant files', async () => {
    await postJson(server, '/assistants', { model: 'gpt-4' });
    const file = await (await postJson(server, '/assistants/asst_000001/files', { file_id: 'file-abc' })).json();
    expect(file).toMatchObject({ id: 'file-abc', object: 'assistant.file', assistant_id: 'asst_000001' });
    expect((await getJson(server, '/assistants/asst_000001')).file_ids).toEqual(['file-abc']);
    expect(await getJson(server, '/assistants/asst_000001/files')).toMatchObject({ first_id: 'file-abc', has_more: false });
    expect((await getJson(server, '/assistants/asst_000001/files/file-abc')).id).toBe('file-abc');
    expect(await remove('/assistants/asst_000001/files/file-abc')).toEqual({
      id: 'file-abc',
      object: 'assistant.file.deleted',
      deleted: true,
    });
    expect((await getJson(server, '/assistants/asst_000001')).file_ids).toEqual([]);
  });

  it('requires the OpenAI-Beta header when asked to', async () => {
    const strict = await startTestServer({ requireAssistantsBetaHeader: true });
    try {
      const without = await postJson(strict, '/assistants', { model: 'gpt-4' });
      expect([without.status, (await without.json()).error.code]).toEqual([400, 'invalid_beta']);
      const withHeader = await postJson(strict, '/assistants', { model: 'gpt-4' }, { ...bearer, 'OpenAI-Beta': 'assistants=v1' });
      expect(withHeader.status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});

describe('threads and messages', () => {
  it('creates threads with messages, then adds, lists, modifies and deletes messages', async () => {
    const thread = await (
      await postJson(server, '/threads', { messages: [{ role: 'user', content: 'First', file_ids: ['file-1'] }], metadata: { a: '1' } })
    ).json();
    expect(thread).toMatchObject({ id: 'thread_000001', object: 'thread', metadata: { a: '1' } });
    const message = await (await postJson(server, '/threads/thread_000001/messages', { role: 'user', content: 'Second' })).json();
    expect(message).toMatchObject({
      id: 'msg_000002',
      object: 'thread.message',
      thread_id: 'thread_000001',
      role: 'user',
      content: [{ type: 'text', text: { value: 'Second', annotations: [] } }],
    });
    const list = await getJson(server, '/threads/thread_000001/messages');
    expect(list).toMatchObject({ first_id: 'msg_000002', last_id: 'msg_000001', has_more: false });
    const modified = await (await postJson(server, '/threads/thread_000001/messages/msg_000002', { metadata: { k: 'v' } })).json();
    expect(modified.metadata).toEqual({ k: 'v' });
    const bareMap = await postJson(server, '/threads/thread_000001/messages/msg_000002', { k: 'v' });
    expect([bareMap.status, (await bareMap.json()).error.message]).toEqual([400, 'Unrecognized request argument supplied: k']);
    expect(await getJson(server, '/threads/thread_000001/messages/msg_000001/files')).toMatchObject({
      data: [{ id: 'file-1', object: 'thread.message.file', message_id: 'msg_000001' }],
    });
    expect((await getJson(server, '/threads/thread_000001/messages/msg_000001/files/file-1')).id).toBe('file-1');
    expect(await remove('/threads/thread_000001/messages/msg_000002')).toMatchObject({ object: 'thread.message.deleted' });
    expect((await postJson(server, '/threads/thread_000001/messages', { role: 'system', content: 'x' })).status).toBe(400);
  });

  it('retrieves, modifies and deletes threads', async () => {
    await postJson(server, '/threads', {});
    expect((await (await postJson(server, '/threads/thread_000001', { metadata: { b: '2' } })).json()).metadata).toEqual({ b: '2' });
    expect((await getJson(server, '/threads/thread_000001')).metadata).toEqual({ b: '2' });
    expect(await remove('/threads/thread_000001')).toEqual({ id: 'thread_000001', object: 'thread.deleted', deleted: true });
    expect((await fetch(`${server.url}/threads/thread_000001/messages`, { headers: bearer })).status).toBe(404);
  });
});
