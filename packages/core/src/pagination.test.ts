import type { RecordedRequest } from '@openai-micro/tooling/loopback';
import { describe, expect, it } from 'vitest';
import { APIError } from './errors.js';
import { getResponseMetadata } from './metadata.js';
import { requestPage } from './pagination.js';
import { collect, rejectionOf, transports, useLoopbackServer } from './test-support.test-helper.js';

type Item = { id: string; n: number };
const items: Item[] = Array.from({ length: 7 }, (_, index) => ({ id: `asst_${index}`, n: index }));

/** Serves `items` in pages of `limit` after the `after` cursor, like the Assistants list. */
function cursorList(request: RecordedRequest, options: { lastId?: boolean } = {}) {
  const limit = Number(request.query.get('limit') ?? 20);
  const after = request.query.get('after');
  const start = after ? items.findIndex((item) => item.id === after) + 1 : 0;
  const data = items.slice(start, start + limit);
  return {
    object: 'list',
    data,
    first_id: options.lastId === false ? undefined : (data[0]?.id ?? null),
    last_id: options.lastId === false ? undefined : (data.at(-1)?.id ?? null),
    has_more: start + limit < items.length,
  };
}

describe.each(transports)('requestPage over %s', (_name, transport) => {
  const loopback = useLoopbackServer(transport);
  const list = (query: Record<string, string | number> = { limit: 3 }, options = {}) =>
    requestPage<Item>(loopback.client(), { method: 'GET', path: '/assistants', query }, options);
  const afterCursors = () => loopback.server.requests.map((request) => request.query.get('after'));

  it('walks every item of three pages with for await, following last_id', async () => {
    loopback.server.handler = (request, reply) => reply.json(200, cursorList(request), { 'x-request-id': `req_${request.query.get('after') ?? 'first'}` });
    const page = await list();
    expect(page.data.map((item) => item.id)).toEqual(['asst_0', 'asst_1', 'asst_2']);
    expect(page.has_more).toBe(true);
    expect(page.first_id).toBe('asst_0');
    expect(page.last_id).toBe('asst_2');
    expect(await collect(page)).toEqual(items);
    expect(afterCursors()).toEqual([null, 'asst_2', 'asst_5']);
    expect(loopback.server.requests.every((request) => request.query.get('limit') === '3')).toBe(true);
  });

  it('fetches pages one by one with nextPage(), each with its own metadata', async () => {
    loopback.server.handler = (request, reply) => reply.json(200, cursorList(request), { 'x-request-id': `req_${request.query.get('after') ?? 'first'}` });
    const first = await list();
    expect(getResponseMetadata(first).requestId).toBe('req_first');
    expect(first.hasNextPage()).toBe(true);
    const second = await first.nextPage();
    expect(second?.data.map((item) => item.n)).toEqual([3, 4, 5]);
    expect(getResponseMetadata(second!).requestId).toBe('req_asst_2');
    const third = await second!.nextPage();
    expect(third?.data.map((item) => item.n)).toEqual([6]);
    expect(getResponseMetadata(third!).requestId).toBe('req_asst_5');
    expect(third!.hasNextPage()).toBe(false);
    expect(await third!.nextPage()).toBeUndefined();
    expect(loopback.server.requests).toHaveLength(3);
  });

  it('pages backwards with before and first_id when the list was opened with before', async () => {
    // Items before the cursor, the closest `limit` of them, in list order — the API's `before` semantics.
    loopback.server.handler = (request, reply) => {
      const limit = Number(request.query.get('limit'));
      const end = items.findIndex((item) => item.id === request.query.get('before'));
      const data = items.slice(Math.max(0, end - limit), end);
      reply.json(200, { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: end - limit > 0 });
    };
    const page = await list({ limit: 2, before: 'asst_6' });
    const seen: string[] = [];
    for await (const item of page) seen.push(item.id);
    expect(seen).toEqual(['asst_4', 'asst_5', 'asst_2', 'asst_3', 'asst_0', 'asst_1']);
    expect(loopback.server.requests.map((request) => request.query.get('before'))).toEqual(['asst_6', 'asst_4', 'asst_2']);
    expect(afterCursors()).toEqual([null, null, null]);
  });

  it("uses the last item's id when the API sends no last_id", async () => {
    loopback.server.handler = (request, reply) => reply.json(200, cursorList(request, { lastId: false }));
    expect((await collect(await list())).map((item) => item.n)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(afterCursors()).toEqual([null, 'asst_2', 'asst_5']);
  });

  it('keeps the other query parameters and the call options on every page', async () => {
    loopback.server.handler = (request, reply) => reply.json(200, cursorList(request));
    await collect(await list({ limit: 3, order: 'desc' }, { headers: { 'OpenAI-Beta': 'assistants=v1' } }));
    expect(loopback.server.requests.map((request) => request.query.get('order'))).toEqual(['desc', 'desc', 'desc']);
    expect(loopback.server.requests.map((request) => request.headers['openai-beta'])).toEqual(['assistants=v1', 'assistants=v1', 'assistants=v1']);
  });

  it('stops when has_more is false or absent', async () => {
    loopback.server.handler = (_request, reply) => reply.json(200, { object: 'list', data: items.slice(0, 2) });
    const page = await list();
    expect(page.hasNextPage()).toBe(false);
    expect(await collect(page)).toHaveLength(2);
    expect(loopback.server.requests).toHaveLength(1);
  });

  it('stops at an empty page even when has_more says true', async () => {
    loopback.server.handler = (request, reply) =>
      reply.json(200, request.query.get('after') ? { object: 'list', data: [], has_more: true, last_id: null } : { object: 'list', data: items.slice(0, 2), has_more: true });
    expect(await collect(await list())).toHaveLength(2);
    expect(loopback.server.requests).toHaveLength(2);
  });

  it('stops when a hostile server repeats the same page with has_more: true', async () => {
    loopback.server.handler = (_request, reply) => reply.json(200, { object: 'list', data: items.slice(0, 2), has_more: true, last_id: 'asst_1' });
    expect(await collect(await list())).toHaveLength(4);
    expect(loopback.server.requests).toHaveLength(2);
  });

  it('stops when a hostile server cycles between cursors', async () => {
    loopback.server.handler = (request, reply) => {
      const after = request.query.get('after');
      const next = after === 'asst_1' ? items.slice(2, 4) : items.slice(0, 2);
      return reply.json(200, { object: 'list', data: next, has_more: true });
    };
    const seen = await collect(await list());
    expect(seen.map((item) => item.n)).toEqual([0, 1, 2, 3, 0, 1]);
    expect(loopback.server.requests.length).toBeLessThanOrEqual(3);
  });

  it('stops when items have no id and there is no last_id', async () => {
    loopback.server.handler = (_request, reply) => reply.json(200, { object: 'list', data: [{ n: 1 }], has_more: true });
    expect(await collect(await list())).toEqual([{ n: 1 }]);
    expect(loopback.server.requests).toHaveLength(1);
  });

  it('can be iterated twice', async () => {
    loopback.server.handler = (request, reply) => reply.json(200, cursorList(request));
    const page = await list();
    expect(await collect(page)).toHaveLength(7);
    expect(await collect(page)).toHaveLength(7);
  });

  it('throws the APIError of a failing later page from the loop', async () => {
    loopback.server.handler = (request, reply) =>
      request.query.get('after') ? reply.json(404, { error: { message: 'gone', type: 'invalid_request_error' } }) : reply.json(200, cursorList(request));
    const page = await list();
    const error = await rejectionOf(collect(page));
    expect(APIError.isInstance(error)).toBe(true);
    expect((error as APIError).status).toBe(404);
  });

  it('keeps the page methods out of JSON and deep equality', async () => {
    loopback.server.handler = (_request, reply) => reply.json(200, { object: 'list', data: items.slice(0, 1), has_more: false });
    const page = await list();
    expect(JSON.parse(JSON.stringify(page))).toEqual({ object: 'list', data: [items[0]], has_more: false });
    expect(page).toEqual({ object: 'list', data: [items[0]], has_more: false });
  });
});
