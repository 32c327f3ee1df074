/**
 * Property-based tests of SSE decoding (issue 8, item 2), with fast-check:
 *
 * 1. Any split of a valid event stream into chunks — inside multi-byte
 *    characters, between the CR and LF of a CRLF, one byte at a time — yields
 *    the events the stream was generated from. Streams mix data lines with
 *    unicode (astral characters included), multi-line data, comments, event
 *    names, ids, retry and unknown fields, and LF, CR and CRLF endings.
 * 2. Random bytes never hang and never throw anything but our typed errors:
 *    every outcome is some chunks and a clean end, or an `OpenAIMicroError`.
 *
 * Volume runs in memory through core's `openEventStream` with an attempt whose
 * body arrives in exactly the generated chunks; a subset runs over real HTTP on
 * 127.0.0.1 through the real resource packages, on both transports.
 *
 * The seed is fixed (`FAULTS_SEED` overrides it) and printed with any failure,
 * together with fast-check's counterexample and replay path.
 */
import { createRunStream, isFinalAssistantStreamEvent } from '@openai-micro/assistants';
import { createChatCompletionStream } from '@openai-micro/chat';
import { type Attempt, type CallSettings, ConnectionError, createClient, OpenAIMicroError, openEventStream, type StreamDecoding } from '@openai-micro/core';
import { type LoopbackServer, splitAt, startLoopbackServer } from '@openai-micro/tooling/loopback';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKey, chatParams, sseHeaders, transports } from './support.js';

const seed = Number(process.env.FAULTS_SEED ?? 20_240_308);

/** Runs a property with the fixed seed; a failure names the seed to replay it with. */
async function check<Values extends [unknown, ...unknown[]]>(property: fc.IAsyncPropertyWithHooks<Values>, numRuns: number): Promise<void> {
  try {
    await fc.assert(property, { seed, numRuns });
  } catch (error) {
    (error as Error).message = `[fast-check seed ${seed}; replay with FAULTS_SEED=${seed}]\n${(error as Error).message}`;
    throw error;
  }
}

// ---------------------------------------------------------------------------
// A model of valid event streams, and what decoding them must yield.

/** A piece of text for a line: unicode of every width, astral characters included; no line breaks or NUL. */
const lineText = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
      { weight: 2, arbitrary: fc.constantFrom('é', 'ß', '—', '€', '日本', '🙂', '𝄞', '👩‍👩‍👧', '\u2028', '\uFEFF', ' ', ':', '"', '\\', '\t') },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
    ),
    maxLength,
  }).map((text) => text.replace(/[\r\n\0]/g, '_'));

const ending = fc.constantFrom('\n', '\r', '\r\n');

interface ModelEvent {
  /** Lines before the data lines: comments, event name, id, retry, unknown fields. */
  before: string[];
  /** The JSON data, one member per line. */
  dataLines: string[];
  /** `data:` with or without the optional space. */
  spaced: boolean;
  /** Comment lines after the data lines. */
  after: string[];
  name: string | undefined;
  data: Record<string, unknown>;
}

const modelEvent: fc.Arbitrary<ModelEvent> = fc
  .record({
    comments: fc.array(lineText(12).map((text) => `:${text}`), { maxLength: 2 }),
    name: fc.option(
      lineText(10).filter((name) => name !== '' && name !== 'error'),
      { nil: undefined },
    ),
    id: fc.option(lineText(8), { nil: undefined }),
    retry: fc.option(fc.nat(100_000), { nil: undefined }),
    unknown: fc.option(lineText(6).map((value) => `x-unknown: ${value}`), { nil: undefined }),
    values: fc.array(lineText(24), { minLength: 1, maxLength: 3 }),
    spaced: fc.boolean(),
    after: fc.array(lineText(6).map((text) => `: ${text}`), { maxLength: 1 }),
  })
  .map(({ comments, name, id, retry, unknown, values, spaced, after }) => {
    const data: Record<string, unknown> = {};
    values.forEach((value, index) => {
      data[`k${index}`] = value;
    });
    // One member per line: a line break between JSON tokens is whitespace, so the
    // joined data lines are the same JSON.
    const members = values.map((value, index) => `${JSON.stringify(`k${index}`)}:${JSON.stringify(value)}`);
    const dataLines = members.map((member, index) => `${index === 0 ? '{' : ','}${member}${index === members.length - 1 ? '}' : ''}`);
    const before = [...comments];
    if (name !== undefined) before.push(`event: ${name}`);
    if (id !== undefined) before.push(`id: ${id}`);
    if (retry !== undefined) before.push(`retry: ${retry}`);
    if (unknown !== undefined) before.push(unknown);
    return { before, dataLines, spaced, after, name, data };
  });

interface ModelStream {
  text: string;
  expected: { event: string | undefined; data: Record<string, unknown> }[];
}

const modelStream: fc.Arbitrary<ModelStream> = fc
  .record({
    bom: fc.boolean(),
    events: fc.array(modelEvent, { maxLength: 6 }),
    endings: fc.array(ending, { minLength: 64, maxLength: 64 }),
    leadingBlankLines: fc.nat(2),
    afterDone: fc.boolean(),
  })
  .map(({ bom, events, endings, leadingBlankLines, afterDone }) => {
    let text = bom ? '\uFEFF' : '';
    let previous = '';
    let turn = 0;
    const line = (content: string) => {
      let end = endings[turn++ % endings.length]!;
      // A CR and then an LF is one CRLF line ending, so a blank line after a CR-ended line cannot start with LF.
      if (content === '' && previous === '\r' && end === '\n') end = '\r\n';
      text += content + end;
      previous = end;
    };
    for (let index = 0; index < leadingBlankLines; index++) line('');
    for (const event of events) {
      for (const field of event.before) line(field);
      for (const data of event.dataLines) line(`data:${event.spaced ? ' ' : ''}${data}`);
      for (const comment of event.after) line(comment);
      line('');
    }
    line('data: [DONE]');
    line('');
    if (afterDone) {
      line('data: {"after":"[DONE] is ignored"}');
      line('');
    }
    return { text, expected: events.map((event) => ({ event: event.name, data: event.data })) };
  });

/** Cut points that fall inside multi-byte characters and between a CR and its LF. */
function awkwardOffsets(bytes: Uint8Array): number[] {
  const offsets: number[] = [];
  for (let index = 1; index < bytes.length; index++) {
    const continuation = (bytes[index]! & 0xc0) === 0x80;
    if (continuation || (bytes[index - 1] === 13 && bytes[index] === 10)) offsets.push(index);
  }
  return offsets;
}

/** How to cut a body: at random offsets and awkward ones, or (one time in twenty) every byte apart. */
interface Cutting {
  random: number[];
  awkward: number[];
  everyByte: boolean;
}

const cutting: fc.Arbitrary<Cutting> = fc.record({
  random: fc.array(fc.nat(), { maxLength: 24 }),
  awkward: fc.array(fc.nat(), { maxLength: 12 }),
  everyByte: fc.nat(19).map((roll) => roll === 0),
});

function cut(bytes: Uint8Array, how: Cutting): Uint8Array[] {
  if (bytes.length < 2) return [bytes];
  if (how.everyByte) return splitAt(Buffer.from(bytes), 'bytes');
  const awkward = awkwardOffsets(bytes);
  const offsets = [
    ...how.random.map((value) => 1 + (value % (bytes.length - 1))),
    ...(awkward.length > 0 ? how.awkward.map((value) => awkward[value % awkward.length]!) : []),
  ];
  return splitAt(Buffer.from(bytes), offsets);
}

// ---------------------------------------------------------------------------
// In memory: core's openEventStream over an attempt whose body arrives in exactly these chunks.

const framingSettings: CallSettings = {
  timeout: 10_000,
  streamIdleTimeout: 10_000,
  maxRetries: 0,
  maxResponseBytes: 1 << 20,
  maxEventBytes: 1 << 20,
  emptyMessagesLimit: 1000,
};

/**
 * An attempt whose body is `parts`. Its `failure` passes errors through
 * untouched, so an internal TypeError would surface as what it is instead of
 * being dressed up as a ConnectionError.
 */
function memoryAttempt(parts: Uint8Array[], settings: CallSettings): Attempt {
  const queue = [...parts];
  return {
    response: {
      status: 200,
      headers: new Headers(sseHeaders),
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

const namedEvents: StreamDecoding<{ event: string | undefined; data: unknown }> = { decode: (data, event) => ({ event, data }) };

async function decodeInMemory<Chunk>(parts: Uint8Array[], settings: CallSettings, decoding: StreamDecoding<Chunk>): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for await (const chunk of await openEventStream(memoryAttempt(parts, settings), decoding)) chunks.push(chunk);
  return chunks;
}

const hangLimitMs = 2000;

/** Settles `work`, or reports a hang after {@link hangLimitMs}. */
async function settle(work: Promise<unknown>): Promise<{ outcome: 'ended' | 'failed' | 'hung'; error?: unknown; elapsed: number }> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), hangLimitMs);
  });
  try {
    const result = await Promise.race([work.then(() => 'ended' as const), hung]);
    return { outcome: result, elapsed: performance.now() - started };
  } catch (error) {
    return { outcome: 'failed', error, elapsed: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/** The property of item 2: a clean end, or a typed error, and never a hang. */
function expectCleanEndOrTypedError(settled: Awaited<ReturnType<typeof settle>>): void {
  expect(settled.outcome).not.toBe('hung');
  if (settled.outcome === 'failed') {
    expect(OpenAIMicroError.isInstance(settled.error), `not a typed error: ${String(settled.error)}`).toBe(true);
  }
}

/** Fragments that steer random bodies into the decoder's deeper states. */
const hostileFragment = fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 48 }) },
  {
    weight: 4,
    arbitrary: fc
      .constantFrom(
        'data: ',
        'data:',
        'data',
        'event: error\n',
        'event: thread.run.completed\n',
        'event:',
        'id: 1\n',
        'retry: x\n',
        ': ping\n',
        '\n',
        '\r',
        '\r\n',
        '\n\n',
        '[DONE]',
        '{',
        '}',
        '{"error":',
        '{"error":null}',
        '{"choices":[{"finish_reason":"stop"}]}',
        '{"choices":5}',
        'null',
        '42',
        '"text"',
        '[]',
        '\uFEFF',
        '🙂',
      )
      .map((text) => new TextEncoder().encode(text)),
  },
  { weight: 1, arbitrary: fc.constantFrom(Uint8Array.of(0xff), Uint8Array.of(0xc3), Uint8Array.of(0xf0, 0x9f), Uint8Array.of(0xed, 0xa0, 0x80)) },
  {
    // Whole lines with arbitrary JSON (null, numbers, strings, arrays, objects with odd fields) after a field name.
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('data: ', 'data:', 'event: error\ndata: ', 'event: thread.run.completed\ndata: ', 'id: 1\ndata: '),
        fc.oneof(fc.json({ maxDepth: 3 }), fc.constantFrom('{"error":{"message":"boom","code":500}}', '{"choices":null}', '{"choices":[null]}', '{"error":"text"}')),
        fc.constantFrom('\n\n', '\r\r', '\r\n\r\n', '\n'),
      )
      .map((parts) => new TextEncoder().encode(parts.join(''))),
  },
);

const hostileBody = fc.array(hostileFragment, { maxLength: 40 }).map((fragments) => Buffer.concat(fragments));

/** A decoding like the chat package's: a finish reason marks the final chunk. */
const chatLike: StreamDecoding<{ choices?: { finish_reason?: unknown }[] }> = {
  isFinal: (chunk) => chunk.choices?.some((choice) => choice.finish_reason) ?? false,
};

/** Like the assistants package's: named events, final on a terminal run status. */
const assistantsLike: StreamDecoding<Parameters<typeof isFinalAssistantStreamEvent>[0]> = {
  decode: (data, event) => ({ event, data }) as Parameters<typeof isFinalAssistantStreamEvent>[0],
  isFinal: isFinalAssistantStreamEvent,
};

describe('SSE decoding in memory (core openEventStream)', () => {
  it('yields the generated events for any split of a valid stream (400 streams)', async () => {
    await check(
      fc.asyncProperty(modelStream, cutting, async (stream, how) => {
        const bytes = new TextEncoder().encode(stream.text);
        expect(await decodeInMemory(cut(bytes, how), framingSettings, namedEvents)).toEqual(stream.expected);
      }),
      400,
    );
  });

  it('yields the same events one byte at a time (100 streams)', async () => {
    await check(
      fc.asyncProperty(modelStream, async (stream) => {
        const bytes = Buffer.from(stream.text);
        expect(await decodeInMemory(splitAt(bytes, 'bytes'), framingSettings, namedEvents)).toEqual(stream.expected);
      }),
      100,
    );
  });

  it('never hangs and throws only typed errors on random bytes (600 bodies, tight limits)', async () => {
    const limits = fc.record({
      maxEventBytes: fc.constantFrom(8, 64, 1 << 20),
      emptyMessagesLimit: fc.constantFrom(0, 3, 300),
      decoding: fc.constantFrom<StreamDecoding<unknown>>({}, chatLike as StreamDecoding<unknown>, assistantsLike as StreamDecoding<unknown>),
    });
    await check(
      fc.asyncProperty(hostileBody, cutting, limits, async (body, how, { decoding, ...caps }) => {
        const settings = { ...framingSettings, ...caps };
        expectCleanEndOrTypedError(await settle(decodeInMemory(cut(body, how), settings, decoding)));
      }),
      600,
    );
  });
});

// ---------------------------------------------------------------------------
// Over real HTTP, through the resource packages, on both transports.

describe.each(transports)('SSE decoding over real HTTP with %s', (_name, transport) => {
  let server: LoopbackServer;
  let body: { parts: Uint8Array[] } = { parts: [] };
  beforeAll(async () => {
    server = await startLoopbackServer((_request, reply) => reply.chunks(200, sseHeaders, body.parts.map((part) => Buffer.from(part)), { delayMs: 1 }));
  });
  afterAll(() => server.close());
  const client = () => createClient({ apiKey, baseURL: `${server.url}/v1`, maxRetries: 0, timeout: 2000, streamIdleTimeout: 500, ...transport });

  it('yields the generated events through createRunStream for any split (25 streams)', async () => {
    await check(
      fc.asyncProperty(modelStream, cutting, async (stream, how) => {
        const bytes = new TextEncoder().encode(stream.text);
        body = { parts: cut(bytes, { ...how, everyByte: false, random: how.random.slice(0, 8), awkward: how.awkward.slice(0, 4) }) };
        const events: unknown[] = [];
        for await (const event of await createRunStream(client(), { thread_id: 'thread_1', assistant_id: 'asst_1' })) events.push(event);
        expect(events).toEqual(stream.expected);
      }),
      25,
    );
  });

  it('never hangs and throws only typed errors on random bytes through createChatCompletionStream (25 bodies)', async () => {
    await check(
      fc.asyncProperty(hostileBody, cutting, async (bytes, how) => {
        body = { parts: cut(bytes, { ...how, everyByte: false, random: how.random.slice(0, 6), awkward: [] }) };
        const settled = await settle(
          (async () => {
            for await (const _chunk of await createChatCompletionStream(client(), chatParams));
          })(),
        );
        expectCleanEndOrTypedError(settled);
        // The server delivered every byte and ended the body: a ConnectionError would be a decoding fault in disguise.
        expect(ConnectionError.isInstance(settled.error), String(settled.error)).toBe(false);
      }),
      25,
    );
    // Every stream, ended or failed, gave its socket back: at most the pool's idle ones remain.
    expect(server.connections()).toBeLessThanOrEqual(2);
  });
});
