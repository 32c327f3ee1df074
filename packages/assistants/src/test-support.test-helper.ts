/**
 * Test-only helpers: the checks every Assistants operation shares (method,
 * path, query, body, the OpenAI-Beta header and its overrides, three-page
 * iteration) and run fixtures. The server and its clients come from
 * `@openai-micro/tooling/test-client`. Never exported from the package.
 */
import { type Client, type ClientOptions, createClient, type RequestOptions } from '@openai-micro/core';
import type { LoopbackHandler, LoopbackServer, RecordedRequest } from '@openai-micro/tooling/loopback';
import { testApiKey, useLoopbackClient } from '@openai-micro/tooling/test-client';
import { expect, it } from 'vitest';

export { testApiKey };

/** A loopback server for one test file and clients aimed at it (no retries). */
export interface ServerContext {
  readonly server: LoopbackServer;
  client(options?: Partial<ClientOptions>): Client;
}

/** tooling's useLoopbackClient, answering 500 unless a test sets `server.handler`. */
export function useServer(handler: LoopbackHandler = (_request, reply) => reply.json(500, { error: { message: 'no handler' } })): ServerContext {
  return useLoopbackClient(handler, createClient);
}

/** The parsed JSON body of a recorded request, or undefined when it had none. */
export function jsonBody(request: RecordedRequest | undefined): unknown {
  const text = request?.body.toString() ?? '';
  return text === '' ? undefined : JSON.parse(text);
}

/** Every OpenAI-Beta header line of a request, as sent (to prove there is exactly one). */
export function betaHeaders(request: RecordedRequest | undefined): string[] {
  const raw = request?.rawHeaders ?? [];
  return raw.filter((_value, index) => index % 2 === 1 && raw[index - 1]!.toLowerCase() === 'openai-beta');
}

/** How one operation is called and what it must send. */
export interface OperationCase {
  /** Calls the operation with the given client and per-call options. */
  call(client: Client, options?: RequestOptions<any>): Promise<unknown>;
  method: 'GET' | 'POST' | 'DELETE';
  /** The path and query as the server must receive them, such as `/v1/assistants?limit=2`. */
  url: string;
  /** The JSON body the server must receive; undefined for none. */
  body?: unknown;
  /** The server's JSON answer, which the caller must get back. */
  reply: Record<string, unknown>;
}

/**
 * Registers the tests every Assistants operation gets: what it sends (method,
 * path, query, Authorization, body) and returns, and the OpenAI-Beta header,
 * `assistants=v1` by default and overridden by client and by call headers.
 */
export function itSendsTheOperation(context: ServerContext, operation: OperationCase): void {
  it(`sends ${operation.method} ${operation.url} with the body as set and returns the answer`, async () => {
    context.server.handler = (_request, reply) => reply.json(200, operation.reply, { 'x-request-id': 'req_1' });
    const result = await operation.call(context.client());
    const [seen] = context.server.requests;
    expect(context.server.requests).toHaveLength(1);
    expect(seen?.method).toBe(operation.method);
    expect(seen?.url).toBe(operation.url);
    expect(seen?.headers.authorization).toBe(`Bearer ${testApiKey}`);
    expect(jsonBody(seen)).toEqual(operation.body);
    if (operation.body === undefined) expect(seen?.headers['content-type']).toBeUndefined();
    else expect(seen?.headers['content-type']).toBe('application/json');
    expect(result).toEqual(operation.reply);
  });

  it('sends OpenAI-Beta: assistants=v1 by default, once; client headers and call headers override it', async () => {
    context.server.handler = (_request, reply) => reply.json(200, operation.reply);
    await operation.call(context.client());
    await operation.call(context.client({ headers: { 'OpenAI-Beta': 'assistants=v2' } }));
    await operation.call(context.client(), { headers: { 'openai-beta': 'assistants=v2' } });
    await operation.call(context.client({ headers: { 'OpenAI-Beta': 'assistants=v2' } }), { headers: { 'OPENAI-BETA': 'assistants=v1' } });
    expect(context.server.requests.map(betaHeaders)).toEqual([['assistants=v1'], ['assistants=v2'], ['assistants=v2'], ['assistants=v1']]);
  });
}

/**
 * Registers a test that a list operation walks three pages, following the
 * `after` cursor (`last_id`) while keeping the query it was given.
 */
export function itWalksThreePages(
  context: ServerContext,
  list: (client: Client) => Promise<AsyncIterable<{ id: string }>>,
  path: string,
  query = '',
): void {
  it('walks three pages with the after cursor and the OpenAI-Beta header on each', async () => {
    const pages = [['item_1', 'item_2'], ['item_3', 'item_4'], ['item_5']];
    context.server.handler = (request, reply) => {
      const after = request.query.get('after');
      const index = after === null ? 0 : pages.findIndex((_page, position) => position > 0 && pages[position - 1]!.at(-1) === after);
      if (index < 0) return reply.json(400, { error: { message: `unexpected after=${after}` } });
      const ids = pages[index]!;
      return reply.json(200, { object: 'list', data: ids.map((id) => ({ id })), first_id: ids[0], last_id: ids.at(-1), has_more: index < pages.length - 1 });
    };
    const ids: string[] = [];
    for await (const item of await list(context.client())) ids.push(item.id);
    expect(ids).toEqual(['item_1', 'item_2', 'item_3', 'item_4', 'item_5']);
    const separator = query ? '&' : '?';
    expect(context.server.requests.map((seen) => seen.url)).toEqual([
      `/v1${path}${query}`,
      `/v1${path}${query}${separator}after=item_2`,
      `/v1${path}${query}${separator}after=item_4`,
    ]);
    expect(context.server.requests.map((seen) => betaHeaders(seen))).toEqual([['assistants=v1'], ['assistants=v1'], ['assistants=v1']]);
  });
}

/** A run as the API sends it, with `fields` overriding. */
export function runFixture(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'run_abc',
    object: 'thread.run',
    created_at: 1_700_000_000,
    thread_id: 'thread_abc',
    assistant_id: 'asst_abc',
    status: 'queued',
    required_action: null,
    last_error: null,
    expires_at: 1_700_000_600,
    started_at: null,
    cancelled_at: null,
    failed_at: null,
    completed_at: null,
    model: 'gpt-4-turbo',
    instructions: 'Be helpful.',
    tools: [],
    file_ids: [],
    metadata: {},
    usage: null,
    ...fields,
  };
}

/**
 * Server-sent events text for `[event, data]` pairs, closed by OpenAI's
 * `event: done` / `data: [DONE]`, with `lineEnd` between lines.
 */
export function sseText(events: [string, unknown][], lineEnd = '\n', closing = true): string {
  const blocks = events.map(([event, data]) => `event: ${event}${lineEnd}data: ${JSON.stringify(data)}${lineEnd}${lineEnd}`);
  if (closing) blocks.push(`event: done${lineEnd}data: [DONE]${lineEnd}${lineEnd}`);
  return blocks.join('');
}

/**
 * A handler answering the run's requests (retrieve and submit alike) with the
 * next run of `script`, repeating the last one; it also keeps the time of each request.
 */
export function scriptedRun(script: Record<string, unknown>[]): { handler: LoopbackHandler; times: number[] } {
  const times: number[] = [];
  let next = 0;
  const handler: LoopbackHandler = (_request, reply) => {
    times.push(Date.now());
    const run = script[Math.min(next++, script.length - 1)]!;
    return reply.json(200, run);
  };
  return { handler, times };
}

/** A run in `requires_action` waiting for these function calls (`[id, name, arguments]`). */
export function waitingRun(calls: [string, string, string][]): Record<string, unknown> {
  return runFixture({
    status: 'requires_action',
    required_action: {
      type: 'submit_tool_outputs',
      submit_tool_outputs: { tool_calls: calls.map(([id, name, args]) => ({ id, type: 'function', function: { name, arguments: args } })) },
    },
  });
}
