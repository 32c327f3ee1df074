import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatCompletionStreamReply, DEFAULT_ANSWER } from './chat-replies';
import { sseReply } from './replies';
import { startTestServer, type TestServer } from './server';
import { postJson, readEvents } from './test-support';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const chat = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };

describe('streams', () => {
  it('streams the default chat answer token by token and ends with [DONE]', async () => {
    const response = await postJson(server, '/chat/completions', { ...chat, stream: true });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = await readEvents(response);
    expect(events.at(-1)?.data).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data));
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.id === chunks[0].id)).toBe(true);
    expect(chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join('')).toBe(DEFAULT_ANSWER);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.at(-1).choices[0]).toEqual({ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' });
    expect(chunks.some((chunk) => 'usage' in chunk)).toBe(false);
  });

  it('adds the usage chunk with stream_options.include_usage', async () => {
    const response = await postJson(server, '/chat/completions', { ...chat, stream: true, stream_options: { include_usage: true } });
    const chunks = (await readEvents(response)).slice(0, -1).map((event) => JSON.parse(event.data));
    const last = chunks.at(-1);
    expect(last.choices).toEqual([]);
    expect(last.usage).toEqual({ prompt_tokens: expect.any(Number), completion_tokens: 11, total_tokens: expect.any(Number) });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it('streams n choices and cuts at max_tokens', async () => {
    const response = await postJson(server, '/chat/completions', { ...chat, stream: true, n: 2, max_tokens: 2 });
    const chunks = (await readEvents(response)).slice(0, -1).map((event) => JSON.parse(event.data));
    for (const index of [0, 1]) {
      const own = chunks.filter((chunk) => chunk.choices[0].index === index);
      expect(own.map((chunk) => chunk.choices[0].delta.content ?? '').join('')).toBe('Hello!');
      expect(own.at(-1).choices[0].finish_reason).toBe('length');
    }
  });

  it('spaces chunks by chunkDelay', async () => {
    server.on('POST /v1/chat/completions').replyOnce(chatCompletionStreamReply({ content: 'one two three', chunkDelay: 150 }));
    const events = await readEvents(await postJson(server, '/chat/completions', { ...chat, stream: true }));
    const gaps = events.slice(1).map((event, index) => event.receivedAt - events[index]!.receivedAt);
    expect(gaps).toHaveLength(5);
    // Each gap shows the events were not written together; the total shows the pace
    // (single gaps jitter with the reader's event loop).
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(25);
    expect(events.at(-1)!.receivedAt - events[0]!.receivedAt).toBeGreaterThanOrEqual(5 * 140);
  });

  it('uses the server chunkDelay for default streams', async () => {
    const slow = await startTestServer({ chunkDelay: 30 });
    try {
      const events = await readEvents(await postJson(slow, '/chat/completions', { ...chat, stream: true }));
      expect(events.at(-1)!.receivedAt - events[0]!.receivedAt).toBeGreaterThanOrEqual((events.length - 1) * 20);
    } finally {
      await slow.close();
    }
  });

  it('scripts a streamed tool call', async () => {
    server.on('POST /v1/chat/completions').replyOnce(
      chatCompletionStreamReply({
        toolCalls: [
          { id: 'call_weather', name: 'get_weather', arguments: { city: 'Paris' } },
          { name: 'get_time', arguments: '{"zone":"CET"}' },
        ],
      }),
    );
    const chunks = (await readEvents(await postJson(server, '/chat/completions', { ...chat, stream: true })))
      .slice(0, -1)
      .map((event) => JSON.parse(event.data));
    expect(chunks[0].choices[0].delta).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ index: 0, id: 'call_weather', type: 'function', function: { name: 'get_weather', arguments: '' } }],
    });
    const calls: Record<number, { id?: string; name?: string; arguments: string }> = {};
    for (const chunk of chunks) {
      for (const call of chunk.choices[0].delta.tool_calls ?? []) {
        calls[call.index] ??= { arguments: '' };
        calls[call.index]!.arguments += call.function.arguments ?? '';
        if (call.id) Object.assign(calls[call.index]!, { id: call.id, name: call.function.name });
      }
    }
    expect(calls).toEqual({
      0: { id: 'call_weather', name: 'get_weather', arguments: '{"city":"Paris"}' },
      1: { id: 'call_2', name: 'get_time', arguments: '{"zone":"CET"}' },
    });
    expect(chunks.at(-1).choices[0].finish_reason).toBe('tool_calls');
  });

  it('writes named events, comments, raw text, and can end without [DONE] or drop the connection', async () => {
    server
      .on('POST /v1/chat/completions')
      .replyOnce(
        sseReply([{ event: 'message', id: '7', data: { a: 1 } }, { comment: 'ping' }, { raw: 'data: raw\n\n' }, { data: 'two\nlines' }], {
          done: false,
        }),
      )
      .replyOnce(sseReply([{ data: { partial: true } }], { done: false, disconnect: true }));
    const text = await (await postJson(server, '/chat/completions', chat)).text();
    expect(text).toBe('event: message\nid: 7\ndata: {"a":1}\n\n: ping\n\ndata: raw\n\ndata: two\ndata: lines\n\n');
    const dropped = await postJson(server, '/chat/completions', chat);
    await expect(dropped.text()).rejects.toThrow();
  });

  it('streams legacy completions with [DONE]', async () => {
    const events = await readEvents(await postJson(server, '/completions', { model: 'gpt-3.5-turbo-instruct', prompt: 'Say', stream: true }));
    expect(events.at(-1)?.data).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data));
    expect(chunks.every((chunk) => chunk.object === 'text_completion')).toBe(true);
    expect(chunks.map((chunk) => chunk.choices[0].text).join('')).toBe(DEFAULT_ANSWER);
    expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');
  });
});
