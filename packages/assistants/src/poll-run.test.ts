import { describe, expect, it } from 'vitest';
import { RunPollTimeoutError } from './errors.js';
import { isSettledRun, isTerminalRunStatus, pollRun } from './poll-run.js';
import { betaHeaders, runFixture, scriptedRun, useServer } from './test-support.test-helper.js';
import type { Run } from './types.js';

const context = useServer();
const ids = { thread_id: 'thread_abc', run_id: 'run_abc' };

describe('pollRun', () => {
  it('retrieves the run until it completes and resolves it', async () => {
    const script = scriptedRun([runFixture({ status: 'queued' }), runFixture({ status: 'in_progress' }), runFixture({ status: 'in_progress' }), runFixture({ status: 'completed' })]);
    context.server.handler = script.handler;
    const run = await pollRun(context.client(), ids, { intervalMs: 1, maxIntervalMs: 2 });
    expect(run.status).toBe('completed');
    expect(context.server.requests.map((seen) => [seen.method, seen.url, betaHeaders(seen)[0]])).toEqual(
      Array(4).fill(['GET', '/v1/threads/thread_abc/runs/run_abc', 'assistants=v1']),
    );
  });

  it('stops at requires_action, and passes the call options to every request', async () => {
    context.server.handler = scriptedRun([runFixture({ status: 'in_progress' }), runFixture({ status: 'requires_action' })]).handler;
    const run = await pollRun(context.client(), ids, { intervalMs: 1, headers: { 'OpenAI-Beta': 'assistants=v2', 'X-Trace': 't1' } });
    expect(run.status).toBe('requires_action');
    expect(context.server.requests.map((seen) => [betaHeaders(seen)[0], seen.headers['x-trace']])).toEqual([
      ['assistants=v2', 't1'],
      ['assistants=v2', 't1'],
    ]);
  });

  it('doubles the wait while the status stays the same, up to maxIntervalMs', async () => {
    const script = scriptedRun([...Array(4).fill(runFixture({ status: 'in_progress' })), runFixture({ status: 'expired' })]);
    context.server.handler = script.handler;
    const run = await pollRun(context.client(), ids, { intervalMs: 30, maxIntervalMs: 70 });
    expect(run.status).toBe('expired');
    const gaps = script.times.slice(1).map((time, index) => time - script.times[index]!);
    expect(gaps).toHaveLength(4);
    expect(gaps[0]).toBeGreaterThanOrEqual(28);
    expect(gaps[1]).toBeGreaterThanOrEqual(58);
    expect(gaps[2]).toBeGreaterThanOrEqual(68);
    expect(gaps[3]).toBeGreaterThanOrEqual(68);
    expect(gaps[3]).toBeLessThan(130);
  });

  it('throws a RunPollTimeoutError with the last run after timeoutMs', async () => {
    context.server.handler = scriptedRun([runFixture({ status: 'in_progress' })]).handler;
    const started = Date.now();
    const failure = await pollRun(context.client(), ids, { intervalMs: 20, timeoutMs: 150 }).catch((error: unknown) => error);
    expect(RunPollTimeoutError.isInstance(failure)).toBe(true);
    expect((failure as RunPollTimeoutError).milliseconds).toBe(150);
    expect((failure as RunPollTimeoutError).run?.status).toBe('in_progress');
    expect((failure as Error).message).toContain('150 ms');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('throws the RunPollTimeoutError also while a request hangs', async () => {
    context.server.handler = (_request, reply) => reply.stall();
    const failure = await pollRun(context.client(), ids, { timeoutMs: 100 }).catch((error: unknown) => error);
    expect(RunPollTimeoutError.isInstance(failure)).toBe(true);
    expect((failure as RunPollTimeoutError).run).toBeUndefined();
  });

  it('throws the AbortError promptly when aborted between polls or before starting', async () => {
    context.server.handler = scriptedRun([runFixture({ status: 'queued' })]).handler;
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const failure = await pollRun(context.client(), ids, { signal: controller.signal, intervalMs: 60_000 }).catch((error: unknown) => error);
    expect((failure as Error).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(context.server.requests).toHaveLength(1);

    const early = await pollRun(context.client(), ids, { signal: AbortSignal.abort() }).catch((error: unknown) => error);
    expect((early as Error).name).toBe('AbortError');
    expect(context.server.requests).toHaveLength(1);
  });
});

describe('run status helpers', () => {
  it('tell terminal and settled statuses apart', () => {
    const statuses = ['queued', 'in_progress', 'requires_action', 'cancelling', 'cancelled', 'failed', 'completed', 'expired', 'incomplete'];
    expect(statuses.filter(isTerminalRunStatus)).toEqual(['cancelled', 'failed', 'completed', 'expired', 'incomplete']);
    expect(statuses.filter((status) => isSettledRun({ status } as Run))).toEqual(['requires_action', 'cancelled', 'failed', 'completed', 'expired', 'incomplete']);
  });
});
