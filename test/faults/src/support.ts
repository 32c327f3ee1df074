/**
 * The fault-injection harness: runs a family's scenario table on both
 * transports, each scenario against its own hostile loopback server, and checks
 * what a user needs from every one of them — the outcome (a value, or a typed
 * error with the status and the server's message), how many requests the
 * server saw (retried or not), the time taken against the configured timeouts,
 * the memory kept, and that the socket was released — plus two invariants that
 * hold for every scenario: no error and no log line carries the API key, and
 * no handler of the hostile server failed.
 */
import { inspect } from 'node:util';
import { type Client, type ClientOptions, ConnectionError, createClient, getResponseMetadata, OpenAIMicroError, type RetryInfo } from '@openai-micro/core';
import { retrieveFile } from '@openai-micro/files';
import { type LoopbackHandler, type LoopbackReply, type LoopbackServer, startLoopbackServer } from '@openai-micro/tooling/loopback';
import { describe, expect, it } from 'vitest';
import { type Family, issueScenarios, type ScenarioName } from './catalogue.js';

/** The key every fault client sends; no error, stack, inspect output or log line may contain it. */
export const apiKey = 'sk-fault-SECRET-7f3a9c2e5b1d4a60';

/** Both transports: undici (the `node` condition's default) and fetch (`fetch: globalThis.fetch`). */
export const transports = [
  ['undici', {}],
  ['fetch', { fetch: globalThis.fetch }],
] as const satisfies readonly (readonly [string, ClientOptions])[];

export type TransportName = (typeof transports)[number][0];

/** Small limits so that every stall ends quickly; scenarios override them where they test one. */
export const limits = { timeout: 1500, streamIdleTimeout: 300, maxRetries: 0 } as const;

/** Headroom on top of a configured limit before a scenario counts as a hang: timers, CI noise, backoff jitter. */
export const slackMs = 1500;

export const MiB = 1024 * 1024;

/** A class of error with a static `isInstance`, as every class core exports has. */
export interface ErrorClass {
  readonly name: string;
  isInstance(value: unknown): boolean;
}

/** Everything a scenario can reach while it runs. */
export interface Run<State> {
  transport: TransportName;
  /** The hostile server of this scenario. */
  server: LoopbackServer;
  /** A second origin (another port), for redirect scenarios: it must never hear from the client. */
  other: LoopbackServer;
  /** Per-run state the handler and the checks share (bytes sent, timestamps…). */
  state: State;
  /** The options every fault client is made with: limits, transport, logger, onRetry, then the scenario's own. */
  options: ClientOptions;
  /** A client aimed at `server` with `options`, plus `extra`. */
  client(extra?: ClientOptions): Client;
  /** Every `onRetry` call. */
  retries: RetryInfo[];
  /** Every line the client's logger received, at any level. */
  log: string[];
  /** Items a stream delivered before it ended or failed (filled by {@link Run.collect}). */
  items: unknown[];
  /** Reads an async iterable to its end, keeping every item in `items`; errors propagate. */
  collect<Item>(iterable: AsyncIterable<Item>): Promise<Item[]>;
  /** The transports that results and streams reported carrying them (response metadata). */
  carriedBy: string[];
  /** One promise per request the server received, settled when the socket that carried it closed. */
  carriers: Promise<void>[];
}

/** What a call ended with. */
export interface Outcome {
  value?: unknown;
  error?: unknown;
  /** Milliseconds from the call until it resolved, rejected, or its stream ended. */
  elapsed: number;
  /** Peak growth above the level before the call, when the scenario measures memory. */
  memory?: { rss: number; heap: number };
}

/** What the user needs from a scenario. */
export interface Expectation<State> {
  /** The call succeeds; check what it resolved. */
  value?: (value: any, run: Run<State>) => void;
  /** The call fails with this typed error (always also an OpenAIMicroError). */
  error?: {
    is: ErrorClass;
    /** The HTTP status an APIError or ResponseParseError carries. */
    status?: number;
    /** The message, or a part of it: the server's own words where it sent any. */
    message?: RegExp | string;
    /** Other fields of the error (`timeout`, `reason`, `option`, `limit`, `field`…). */
    fields?: Record<string, unknown>;
  };
  /** How many requests the server received: 1 = not retried, n = retried n-1 times. */
  requests: number;
  /** How many stream items arrived before the end or the failure. */
  items?: number;
  /** Bounds on the elapsed time: [at least, at most]. */
  elapsedMs: readonly [number, number];
  /**
   * Every socket that carried a request of this call is closed soon after the
   * call ended: the client aborted it instead of leaving it half-read. (Sockets
   * a connection pool opens and keeps idle, carrying nothing, are not the call's.)
   */
  released?: boolean;
  /** Peak growth allowed while the call runs, in MiB. */
  memoryMiB?: { rss: number; heap: number };
  /** Anything else: what the server received, what the second origin saw… */
  verify?: (outcome: Outcome, run: Run<State>) => void | Promise<void>;
}

/** One row of a family's table. */
export interface Scenario<F extends Family, State = any> {
  /** The scenario as the issue names it. */
  name: ScenarioName<F>;
  /** Which case of it, when a scenario has several. */
  variant?: string;
  /** Fresh per-run state, shared by `serve`, `act` and `expect.then`. */
  state?: () => State;
  /** Client options for this scenario (limits it tests, retries). */
  options?: ClientOptions;
  /** The hostile server's behaviour. */
  serve: (run: Run<State>) => LoopbackHandler;
  /** What the user does: one call, through a real resource package, streams read to the end. */
  act: (client: Client, run: Run<State>) => Promise<unknown>;
  expect: Expectation<State>;
  /** Per-test limit, for the scenarios that move 100 MB. */
  testTimeoutMs?: number;
}

/**
 * The row builder of one family: checks each row's name against the family's
 * scenarios and keeps the row's own State type for its callbacks, while the
 * table holds rows of many states.
 */
export function scenarioOf<F extends Family>(_family: F): <State = Record<string, never>>(row: Scenario<F, State>) => Scenario<F, State> {
  return (row) => row;
}

function title(row: Scenario<Family>): string {
  return row.variant ? `${row.name}: ${row.variant}` : row.name;
}

/**
 * Registers a family's table: every row on both transports, and one test that
 * the rows' names are exactly the issue's scenarios of this family.
 */
export function runFamily<F extends Family>(family: F, table: Scenario<F, any>[]): void {
  describe.each(transports)(`${family} over %s`, (transport, transportOptions) => {
    for (const row of table) {
      it(title(row as Scenario<Family>), () => runScenario(row, transport, transportOptions), row.testTimeoutMs);
    }
  });
  it(`covers the ${family} scenarios of issue 8 one to one`, () => {
    expect([...new Set(table.map((row) => row.name))].sort()).toEqual([...issueScenarios[family]].sort());
  });
}

async function runScenario<F extends Family, State>(row: Scenario<F, State>, transport: TransportName, transportOptions: ClientOptions): Promise<void> {
  const servers: LoopbackServer[] = [];
  const start = async () => {
    const server = await startLoopbackServer((_request, reply) => reply.send(500, 'no handler yet'));
    servers.push(server);
    return server;
  };
  try {
    const server = await start();
    const other = await start();
    other.handler = (_request, reply) => reply.json(200, { stolen: true });
    const log: string[] = [];
    const record = (line: string) => log.push(line);
    const retries: RetryInfo[] = [];
    const run: Run<State> = {
      transport,
      server,
      other,
      state: row.state?.() ?? ({} as State),
      options: {
        apiKey,
        baseURL: `${server.url}/v1`,
        ...limits,
        ...transportOptions,
        logger: { info: record, warn: record, debug: record },
        onRetry: (info) => retries.push(info),
        ...row.options,
      },
      client: (extra) => createClient({ ...run.options, ...extra }),
      retries,
      log,
      items: [],
      carriedBy: [],
      carriers: [],
      async collect(iterable) {
        noteTransport(iterable, run.carriedBy);
        for await (const item of iterable) run.items.push(item);
        return run.items as never;
      },
    };
    const handler = row.serve(run);
    server.handler = (request, reply) => {
      run.carriers.push(reply.disconnected);
      return handler(request, reply);
    };
    const outcome = await measure(() => row.act(run.client(), run), row.expect.memoryMiB !== undefined);
    noteTransport(outcome.value, run.carriedBy);
    await check(row.expect, outcome, run);
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
}

function noteTransport(result: unknown, carriedBy: string[]): void {
  if (typeof result !== 'object' || result === null) return;
  try {
    carriedBy.push(String(getResponseMetadata(result).transport));
  } catch {}
}

async function measure(call: () => Promise<unknown>, sampleMemory: boolean): Promise<Outcome> {
  const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
  let sampler: ReturnType<typeof setInterval> | undefined;
  let baseline = { rss: 0, heap: 0 };
  const peak = { rss: 0, heap: 0 };
  const sample = () => {
    // A young-generation collection per sample: what counts is what the client
    // keeps, not chunks it already let go that V8 has not swept yet.
    gc?.({ type: 'minor' });
    const usage = process.memoryUsage();
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heap = Math.max(peak.heap, usage.heapUsed + usage.arrayBuffers);
  };
  if (sampleMemory) {
    gc?.();
    const usage = process.memoryUsage();
    baseline = { rss: usage.rss, heap: usage.heapUsed + usage.arrayBuffers };
    Object.assign(peak, baseline);
    sampler = setInterval(sample, 5);
  }
  const started = performance.now();
  const outcome: Outcome = { elapsed: 0 };
  try {
    outcome.value = await call();
  } catch (error) {
    outcome.error = error;
  }
  outcome.elapsed = performance.now() - started;
  if (sampler) {
    clearInterval(sampler);
    sample();
    outcome.memory = { rss: peak.rss - baseline.rss, heap: peak.heap - baseline.heap };
  }
  return outcome;
}

async function check<State>(expectation: Expectation<State>, outcome: Outcome, run: Run<State>): Promise<void> {
  const { error } = outcome;
  if (expectation.error) {
    const wanted = expectation.error;
    expect(error, `expected ${wanted.is.name}, but the call succeeded`).toBeDefined();
    expect(wanted.is.isInstance(error), `expected ${wanted.is.name}, got ${inspect(error)}`).toBe(true);
    expect(OpenAIMicroError.isInstance(error)).toBe(true);
    const typed = error as Error & Record<string, unknown>;
    expect(typed.name).toBe(wanted.is.name);
    if (wanted.status !== undefined) expect(typed.status).toBe(wanted.status);
    if (wanted.message !== undefined) expect(typed.message).toMatch(wanted.message);
    if (wanted.fields) expect(typed).toMatchObject(wanted.fields);
  } else {
    if (error !== undefined) throw error;
    expectation.value?.(outcome.value, run);
  }
  // Proves the leg ran on the transport it is named after.
  for (const carrier of run.carriedBy) expect(carrier).toBe(run.transport);
  expect(run.server.requests, 'requests the server received').toHaveLength(expectation.requests);
  if (expectation.items !== undefined) expect(run.items, 'stream items delivered').toHaveLength(expectation.items);
  const [atLeast, atMost] = expectation.elapsedMs;
  expect(outcome.elapsed, 'elapsed ms').toBeGreaterThanOrEqual(atLeast);
  expect(outcome.elapsed, 'elapsed ms').toBeLessThanOrEqual(atMost);
  if (expectation.released) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const open = new Promise<'still open'>((resolve) => {
      timer = setTimeout(() => resolve('still open'), 2000);
    });
    const closed = await Promise.race([Promise.all(run.carriers).then(() => 'closed' as const), open]);
    clearTimeout(timer);
    expect(closed, 'the sockets that carried this call, 2 s after it ended').toBe('closed');
  }
  if (expectation.memoryMiB && outcome.memory) {
    expect(outcome.memory.rss / MiB, 'peak RSS growth (MiB)').toBeLessThan(expectation.memoryMiB.rss);
    expect(outcome.memory.heap / MiB, 'peak heap + ArrayBuffer growth (MiB)').toBeLessThan(expectation.memoryMiB.heap);
  }
  await expectation.verify?.(outcome, run);
  // Only redirect scenarios name the second origin, and even they must not reach it.
  expect(run.other.totalConnections(), 'connections to the second origin').toBe(0);
  expectNoKey(error, run.log);
  expect(run.server.handlerErrors).toEqual([]);
}

/**
 * Every form in which an error or a log line can reach a user, a log
 * aggregator or a crash report; none may contain the API key.
 */
export function exposedForms(error: unknown, log: readonly string[] = []): string[] {
  const forms = [...log];
  if (error === undefined) return forms;
  const seen = new Set<unknown>();
  for (let current: unknown = error; current && !seen.has(current); current = (current as Error).cause) {
    seen.add(current);
    const value = current as Error & Record<string, unknown>;
    forms.push(String(value), String(value.message), String(value.stack));
    forms.push(inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }));
    try {
      forms.push(JSON.stringify(value), JSON.stringify({ ...value }));
    } catch {}
    for (const field of ['body', 'bodyExcerpt', 'location']) if (value[field] !== undefined) forms.push(inspect(value[field], { depth: Number.POSITIVE_INFINITY }));
    if (value.headers instanceof Headers) forms.push(JSON.stringify([...value.headers]));
  }
  return forms;
}

/** Asserts that the key appears in no exposed form of `error` and in no log line. */
export function expectNoKey(error: unknown, log: readonly string[] = []): void {
  const secret = apiKey.slice('sk-fault-'.length);
  for (const form of exposedForms(error, log)) {
    expect(form).not.toContain(apiKey);
    expect(form).not.toContain(secret);
  }
}

// ---------------------------------------------------------------------------
// Hostile behaviours shared by several families.

/** The n-th request gets the n-th handler; the last one answers every later request. */
export function inTurn(...handlers: LoopbackHandler[]): LoopbackHandler {
  let seen = 0;
  return (request, reply) => handlers[Math.min(seen++, handlers.length - 1)]!(request, reply);
}

/** Resolves after `milliseconds`, or at once when the client hangs up. */
export function pause(reply: LoopbackReply, milliseconds: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, milliseconds);
    void reply.disconnected.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Whether the client hung up. */
export const gone = (reply: LoopbackReply) => reply.socket.destroyed;

/**
 * Writes `piece` again and again until `total` bytes are out or the client
 * hangs up, counting what left in `counter.sent`; ends the body if it got there.
 */
export async function pour(reply: LoopbackReply, piece: Buffer, total: number, counter: { sent: number }): Promise<void> {
  while (counter.sent < total && !gone(reply)) {
    const part = total - counter.sent >= piece.length ? piece : piece.subarray(0, total - counter.sent);
    await reply.write(part);
    counter.sent += part.length;
  }
  if (!gone(reply)) await reply.end();
}

export const sseHeaders = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } as const;

// ---------------------------------------------------------------------------
// OpenAI-shaped fixtures.

export const chatParams = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hello' }] };

export const chatCompletion = {
  id: 'chatcmpl-fault',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o-mini',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hi there' }, finish_reason: 'stop', logprobs: null }],
  usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
};

/** One chat stream event (`data: …` and its blank line). */
export function chatChunk(content: string, finish: string | null = null): string {
  const chunk = { id: 'chatcmpl-fault', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-mini', choices: [{ index: 0, delta: { content }, finish_reason: finish }] };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

export const embeddingResponse = { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.25, -0.5] }], model: 'text-embedding-3-small', usage: { prompt_tokens: 1, total_tokens: 1 } };

export const fileObject = { id: 'file-fault', object: 'file', bytes: 3, created_at: 1, filename: 'train.jsonl', purpose: 'fine-tune', status: 'processed' };

export const openAIError = (message: string, type = 'server_error', code: string | null = null) => ({ error: { message, type, param: null, code } });

/** The content of one stream item, for the chat fixtures above. */
export const deltaOf = (item: unknown) => (item as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content;

/**
 * The body of a row whose first answer breaks the connection (`broken`) and
 * whose second is the file: `retrieveFile` retries once after the
 * ConnectionError, one backoff later, and resolves the file.
 */
export function brokenThenFile(broken: LoopbackHandler): Pick<Scenario<Family, unknown>, 'options' | 'serve' | 'act' | 'expect'> {
  return {
    options: { maxRetries: 1 },
    serve: () => inTurn(broken, (_request, reply) => reply.json(200, fileObject)),
    act: (client) => retrieveFile(client, { file_id: 'file-fault' }),
    expect: {
      value: (file) => expect(file).toEqual(fileObject),
      requests: 2,
      elapsedMs: [370, 500 + slackMs],
      verify: (_outcome, run) => expect(ConnectionError.isInstance(run.retries[0]?.error)).toBe(true),
    },
  };
}
