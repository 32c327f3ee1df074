import { splitAt } from '@openai-micro/tooling/loopback';
import { describe, expect, it } from 'vitest';
import type { Attempt, CallSettings } from './request.js';
import { openEventStream, requestStream } from './stream.js';
import { collect, seededRandom, transports, useLoopbackServer } from './test-support.test-helper.js';

// A fixed stream exercising every framing hazard: all three line endings,
// comments, non-data fields, multi-line data, multi-byte UTF-8 (2, 3 and 4
// bytes), an event name, and [DONE] followed by ignored events.
const body = [
  ': opening comment\n\n',
  'data: {"i":0,"t":"plain"}\n\n',
  'data: {"i":1,"t":"é—🙂"}\r\n\r\n',
  'event: delta\rdata: {"i":2,"t":"cr"}\r\r',
  'id: 7\nretry: 1000\ndata: {"i":3,\ndata: "t":"multi-line"}\n\n',
  ': ping\r\n\r\n',
  'data:{"i":4,"t":"no space 日本"}\n\n',
  'data: [DONE]\n\n',
  'data: {"i":5,"t":"after done"}\n\n',
].join('');
const expected = [
  { i: 0, t: 'plain' },
  { i: 1, t: 'é—🙂' },
  { i: 2, t: 'cr' },
  { i: 3, t: 'multi-line' },
  { i: 4, t: 'no space 日本' },
];
const bytes = Buffer.from(body);

const settings: CallSettings = {
  timeout: 1000,
  streamIdleTimeout: 1000,
  maxRetries: 0,
  maxResponseBytes: 1 << 20,
  maxEventBytes: 1 << 20,
  emptyMessagesLimit: 300,
};

/** An in-memory attempt whose body arrives in exactly the given parts. */
function fakeAttempt(parts: Uint8Array[]): Attempt {
  const queue = [...parts];
  return {
    response: {
      status: 200,
      headers: new Headers({ 'content-type': 'text/event-stream' }),
      read: async () => queue.shift(),
      cancel: () => {
        queue.length = 0;
      },
    },
    settings,
    controller: new AbortController(),
    stopRequestTimer() {},
    release() {},
    failure: (error) => error,
    transportName: 'fetch',
  };
}

const decodeParts = async (parts: Uint8Array[]) => collect(await openEventStream(fakeAttempt(parts), {}));

/** `count` distinct sorted cut offsets inside the body. */
function randomCuts(random: () => number, count: number): number[] {
  return Array.from({ length: count }, () => 1 + Math.floor(random() * (bytes.length - 1)));
}

describe('SSE decoding is independent of where the body is split', () => {
  it('decodes the body whole', async () => {
    expect(await decodeParts([bytes])).toEqual(expected);
  });

  it('decodes every 2-way split identically', async () => {
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await decodeParts(splitAt(bytes, [cut])), `split at byte ${cut}`).toEqual(expected);
    }
  });

  it('decodes one-byte parts identically', async () => {
    expect(await decodeParts(splitAt(bytes, 'bytes'))).toEqual(expected);
  });

  it('decodes 400 random n-way splits identically (seeded)', async () => {
    const random = seededRandom(20240301);
    for (let run = 0; run < 400; run++) {
      const cuts = randomCuts(random, 1 + Math.floor(random() * 24));
      expect(await decodeParts(splitAt(bytes, cuts)), `cuts ${JSON.stringify(cuts)}`).toEqual(expected);
    }
  });

  it('counts empty messages identically however the body is split', async () => {
    const flood = `data: {"i":0}\r\n\r\n${': x\r\n'.repeat(5)}\r\n\r\n${'\r\n'.repeat(3)}data: [DONE]\r\n\r\n`;
    const floodBytes = Buffer.from(flood);
    const tight = { ...settings, emptyMessagesLimit: 10 };
    const loose = { ...settings, emptyMessagesLimit: 11 };
    for (let cut = 1; cut < floodBytes.length; cut++) {
      const parts = splitAt(floodBytes, [cut]);
      const refused = await collect(await openEventStream({ ...fakeAttempt(parts), settings: tight }, {})).catch((error) => error.reason);
      expect(refused, `split at ${cut}`).toBe('emptyMessagesLimit');
      const accepted = await collect(await openEventStream({ ...fakeAttempt(splitAt(floodBytes, [cut])), settings: loose }, {}));
      expect(accepted, `split at ${cut}`).toEqual([{ i: 0 }]);
    }
  });
});

describe.each(transports)('random splits over real chunked HTTP with %s', (_name, transport) => {
  const loopback = useLoopbackServer(transport);
  it('decodes 15 random n-way splits identically', async () => {
    const random = seededRandom(7);
    for (let run = 0; run < 15; run++) {
      const cuts = randomCuts(random, 2 + Math.floor(random() * 8));
      loopback.server.handler = (_request, reply) => reply.chunks(200, { 'content-type': 'text/event-stream' }, splitAt(bytes, cuts), { delayMs: 1 });
      const stream = await requestStream(loopback.client(), { method: 'POST', path: '/chat/completions', body: {} });
      expect(await collect(stream), `cuts ${JSON.stringify(cuts)}`).toEqual(expected);
    }
    const chunked = loopback.server.requests.length;
    expect(chunked).toBe(15);
  });
});
