import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server';
import { bearer, getJson } from '../test-support';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

async function upload(bytes: Uint8Array<ArrayBuffer>, filename: string, purpose: string) {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', new Blob([bytes], { type: 'application/jsonl' }), filename);
  return fetch(`${server.url}/files`, { method: 'POST', headers: bearer, body: form });
}

describe('files', () => {
  it('round-trips uploaded bytes', async () => {
    const bytes = new Uint8Array(70_000).map((_, index) => (index * 31) % 256);
    const file = await (await upload(bytes, 'train.jsonl', 'fine-tune')).json();
    expect(file).toMatchObject({ id: 'file-000001', object: 'file', bytes: 70_000, filename: 'train.jsonl', purpose: 'fine-tune' });
    const content = await fetch(`${server.url}/files/${file.id}/content`, { headers: bearer });
    expect(content.headers.get('content-type')).toBe('application/jsonl');
    expect(new Uint8Array(await content.arrayBuffer())).toEqual(bytes);
  });

  it('lists with a purpose filter, retrieves and deletes', async () => {
    await upload(new Uint8Array([1]), 'a.jsonl', 'fine-tune');
    await upload(new Uint8Array([2]), 'b.txt', 'assistants');
    expect((await getJson(server, '/files')).data.map((file: any) => file.filename)).toEqual(['a.jsonl', 'b.txt']);
    expect((await getJson(server, '/files?purpose=assistants')).data.map((file: any) => file.id)).toEqual(['file-000002']);
    expect(await getJson(server, '/files/file-000002')).toMatchObject({ filename: 'b.txt', status: 'processed' });
    const deleted = await fetch(`${server.url}/files/file-000002`, { method: 'DELETE', headers: bearer });
    expect(await deleted.json()).toEqual({ id: 'file-000002', object: 'file', deleted: true });
    const missing = await fetch(`${server.url}/files/file-000002/content`, { headers: bearer });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe('No such File object: file-000002');
  });

  it('refuses uploads without purpose or file', async () => {
    const form = new FormData();
    form.append('purpose', 'fine-tune');
    const response = await fetch(`${server.url}/files`, { method: 'POST', headers: bearer, body: form });
    expect((await response.json()).error.param).toBe('file');
    const noPurpose = new FormData();
    noPurpose.append('file', new Blob(['x']), 'x.jsonl');
    expect((await (await fetch(`${server.url}/files`, { method: 'POST', headers: bearer, body: noPurpose })).json()).error.param).toBe(
      'purpose',
    );
  });
});

describe('models and engines', () => {
  it('lists, retrieves and deletes models', async () => {
    const list = await getJson(server, '/models');
    expect(list.object).toBe('list');
    expect(list.data.map((model: any) => model.id)).toContain('gpt-4o-mini');
    expect(await getJson(server, '/models/whisper-1')).toEqual({
      id: 'whisper-1',
      object: 'model',
      created: 1677532384,
      owned_by: 'openai-internal',
    });
    const deleted = await fetch(`${server.url}/models/babbage-002`, { method: 'DELETE', headers: bearer });
    expect(await deleted.json()).toEqual({ id: 'babbage-002', object: 'model', deleted: true });
    const missing = await fetch(`${server.url}/models/babbage-002`, { headers: bearer });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatchObject({ code: 'model_not_found', param: 'model' });
  });

  it('lists and retrieves engines', async () => {
    expect((await getJson(server, '/engines')).data[0]).toMatchObject({ object: 'engine', ready: true });
    expect(await getJson(server, '/engines/gpt-4')).toMatchObject({ id: 'gpt-4', owner: 'openai' });
    expect((await fetch(`${server.url}/engines/nope`, { headers: bearer })).status).toBe(404);
  });
});
