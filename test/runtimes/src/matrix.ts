/**
 * One leg of the runtime matrix as vitest tests: find the runtime, run the
 * smoke program in it once against a fresh fixture server, then judge each
 * case from the report and from what the fixture received.
 *
 * A runtime that is not on this machine skips its leg with the reason in the
 * test names and one stderr line; with CI set, a missing runtime fails instead.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingModel, uploadText } from './constants.js';
import { type FixtureServer, fixtureVector, startFixtureServer, streamDeltas } from './fixture-server.js';
import type { LegRun, Located } from './runtimes.js';
import type { CaseOutcome, SmokeReport } from './smoke.js';

type Headers = Record<string, string | string[] | undefined>;

/** `it`, skipped when the leg's runtime is missing. */
export type LegTest = ReturnType<typeof it.skipIf>;

/** Everything a leg's tests can look at once it ran. */
export interface LegContext {
  run: LegRun;
  fixture: FixtureServer;
  located: Extract<Located, { available: true }>;
}

/** How one runtime joins the matrix. */
export interface LegDefinition {
  /** Folder name for its build output, e.g. `node22`. */
  id: string;
  /** Human name, e.g. `Deno`. */
  title: string;
  locate(): Located;
  run(binary: string, id: string, fixture: FixtureServer): Promise<LegRun>;
  /** The transport its export conditions must select. */
  transport: 'undici' | 'fetch';
  /** Asserts the report came from this runtime (its user agent or version). */
  identity(report: SmokeReport, located: LegContext['located']): void;
  /** Asserts what this runtime's HTTP client puts on every request, beyond the transport fingerprint. */
  requestHeaders(headers: Headers, context: LegContext): void;
  /** Extra tests of this leg only, declared with `test` (skipped with the leg) and reading the leg through `context`. */
  more?(test: LegTest, context: () => LegContext): void;
}

/**
 * Which transport sent a request, judged from the outside: `undici.request`
 * sends only the headers it is given (no user-agent, no sec-fetch-*) and core's
 * Node transport adds `accept-encoding: gzip, deflate, br`; every fetch
 * implementation of the matrix adds or omits headers differently from that.
 *
 * @example
 * transportFingerprint({ 'accept-encoding': 'gzip, deflate, br' }); // 'undici'
 */
export function transportFingerprint(headers: Headers): 'undici' | 'fetch' {
  const undici = headers['user-agent'] === undefined && headers['sec-fetch-mode'] === undefined && headers['accept-encoding'] === 'gzip, deflate, br';
  return undici ? 'undici' : 'fetch';
}

/** The value of a case that must have succeeded; a failed case fails the test with the runtime's own error. */
function succeeded<Value>(outcome: CaseOutcome<Value>): Value {
  if (!outcome.ok) throw new Error(`the case failed inside the runtime: ${outcome.error.name}: ${outcome.error.message}\n${outcome.error.stack ?? ''}`);
  return outcome.value;
}

/**
 * Declares the tests of one leg.
 *
 * @example
 * defineLeg({ id: 'deno', title: 'Deno', locate: locateDeno, run: runDeno, transport: 'fetch', identity, requestHeaders });
 */
export function defineLeg(leg: LegDefinition): void {
  const located = leg.locate();
  const required = Boolean(process.env.CI);
  if (!located.available && !required) console.warn(`runtimes: skipped the ${leg.title} leg: ${located.reason}`);
  const heading = located.available ? `${leg.title} ${located.version}` : `${leg.title} (${required ? 'MISSING' : 'skipped'}: ${located.reason})`;
  // With CI set, a missing runtime fails the one test below; its other tests are then skipped.
  const test = it.skipIf(!located.available);

  describe(heading, () => {
    let context: LegContext | undefined;
    let fixture: FixtureServer | undefined;

    beforeAll(async () => {
      if (!located.available) return;
      fixture = await startFixtureServer();
      const run = await leg.run(located.path, leg.id, fixture);
      context = { run, fixture, located };
    });
    afterAll(async () => {
      await fixture?.close();
    });

    const ran = (): LegContext => {
      if (!context) throw new Error(`the ${leg.title} leg did not run`);
      return context;
    };

    it.skipIf(!located.available && !required)(`${leg.title} is installed and runs the smoke program`, () => {
      if (!located.available) throw new Error(`${leg.title} is not on this machine (${located.reason}); CI needs every leg of the runtime matrix.`);
      const { run, located: found } = ran();
      leg.identity(run.report, found);
    });

    test(`picks the ${leg.transport} transport (response metadata and the requests' fingerprint)`, () => {
      const { run, fixture: server } = ran();
      const { report } = run;
      const metadata = [succeeded(report.chat).metadata, succeeded(report.stream).metadata, succeeded(report.embeddings).metadata, succeeded(report.upload).metadata];
      for (const seen of metadata) expect(seen.transport).toBe(leg.transport);
      const requests = server.apiRequests();
      expect(requests.length).toBeGreaterThanOrEqual(7);
      for (const request of requests) {
        expect({ path: request.path, transport: transportFingerprint(request.headers) }).toEqual({ path: request.path, transport: leg.transport });
        leg.requestHeaders(request.headers, ran());
      }
    });

    test('chat completion', () => {
      const { run, fixture: server } = ran();
      const chat = succeeded(run.report.chat);
      expect(chat.content).toBe('You said: Say hello');
      expect(chat.finishReason).toBe('stop');
      expect(chat.metadata.status).toBe(200);
      expect(chat.metadata.requestId).toMatch(/^req_fixture_\d+$/);
      const sent = server.apiRequests().find((request) => request.path === '/v1/chat/completions');
      expect(sent?.headers.authorization).toBe('Bearer sk-runtime-matrix');
      expect(JSON.parse(sent!.body.toString('utf8'))).toEqual({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say hello' }], temperature: 0 });
    });

    test('streamed chat completion', () => {
      const { run, fixture: server } = ran();
      const stream = succeeded(run.report.stream);
      expect(stream.deltas).toEqual(streamDeltas);
      expect(stream.finishReason).toBe('stop');
      expect(stream.metadata).toMatchObject({ status: 200, requestId: expect.stringMatching(/^req_fixture_\d+$/) });
      const sent = server.apiRequests().filter((request) => request.path === '/v1/chat/completions')[1];
      expect(sent?.headers.accept).toBe('text/event-stream');
      expect(JSON.parse(sent!.body.toString('utf8'))).toMatchObject({ model: 'gpt-4o-mini', stream: true });
    });

    test('embeddings (base64 decoded to Float32Array)', () => {
      const { run } = ran();
      const embeddings = succeeded(run.report.embeddings);
      expect(embeddings.vectors).toEqual([
        { index: 0, type: 'Float32Array', values: fixtureVector(0) },
        { index: 1, type: 'Float32Array', values: fixtureVector(1) },
      ]);
      expect(embeddings.metadata.status).toBe(200);
    });

    test('file upload (multipart, bytes intact)', () => {
      const { run, fixture: server } = ran();
      const upload = succeeded(run.report.upload);
      const bytes = Buffer.from(uploadText, 'utf8');
      expect(upload).toMatchObject({ id: 'file-fixture-1', bytes: bytes.length, filename: 'smoke.jsonl', purpose: 'fine-tune' });
      expect(server.uploads).toHaveLength(1);
      const [received] = server.uploads;
      expect(received?.fields).toEqual({ purpose: 'fine-tune' });
      expect(received?.filename).toBe('smoke.jsonl');
      expect(received?.contentType).toBe('application/jsonl');
      expect(received?.content.equals(bytes)).toBe(true);
    });

    test('a 4xx answer becomes a typed APIError with status and message', () => {
      const { run } = ran();
      const error = succeeded(run.report.apiError);
      expect(error).toMatchObject({
        isAPIError: true,
        name: 'APIError',
        status: 404,
        type: 'invalid_request_error',
        code: 'model_not_found',
        requestId: expect.stringMatching(/^req_fixture_\d+$/),
      });
      expect(error.message).toContain(`The model \`${missingModel}\` does not exist`);
    });

    test('aborting the signal mid-stream throws AbortError and cancels the request', () => {
      const { run, fixture: server } = ran();
      const abort = succeeded(run.report.abort);
      expect(abort.name).toBe('AbortError');
      expect(abort.isDOMException).toBe(true);
      expect(abort.chunksRead).toBeGreaterThanOrEqual(2);
      expect(abort.settledAfterMs).toBeLessThan(5000);
      // Asked from inside the runtime after the abort, so the runtime's exit cannot be what closed the stream.
      expect(abort.server).toMatchObject({ started: true, cancelled: true });
      expect(server.endlessStreams).toHaveLength(1);
      expect(server.endlessStreams[0]).toMatchObject({ cancelledByClient: true });
      expect(server.endlessStreams[0]!.chunksWritten).toBeLessThan(40);
    });

    test('the fixture handled every request without an error', () => {
      const { fixture: server } = ran();
      expect(server.handlerErrors).toEqual([]);
    });

    leg.more?.(test, ran);
  });
}

/**
 * Asserts that a bundle holds only the fetch transport: nothing of undici or Node's modules.
 *
 * @example
 * expectFetchOnlyBundle(run.bundle);
 */
export function expectFetchOnlyBundle(path: string | undefined): void {
  expect(path).toBeDefined();
  const text = readFileSync(path!, 'utf8');
  expect(text).not.toMatch(/["']undici["']|["']node:[a-z/]+["']/);
  expect(text).toContain('redirect: "manual"');
}
