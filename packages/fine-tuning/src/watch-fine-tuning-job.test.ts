import type { LoopbackHandler } from '@openai-micro/tooling/loopback';
import { describe, expect, it } from 'vitest';
import { jobFixture, useServer } from './test-support.test-helper.js';
import { type FineTuningJobUpdate, isTerminalFineTuningJobStatus, watchFineTuningJob } from './watch-fine-tuning-job.js';

const event = (number: number) => ({ object: 'fine_tuning.job.event', id: `ev-${number}`, created_at: 100 + number, level: 'info', message: `step ${number}`, type: 'message', data: null });

/**
 * A job that advances one stage per retrieval; its events are listed newest
 * first, two per page, as the API pages them.
 */
function advancingJob(stages: { status: string; events: number }[]): { handler: LoopbackHandler; retrievals: () => number; times: number[] } {
  let retrievals = 0;
  const times: number[] = [];
  const handler: LoopbackHandler = (request, reply) => {
    const stage = stages[Math.min(Math.max(retrievals - 1, 0), stages.length - 1)]!;
    if (request.path === '/v1/fine_tuning/jobs/ftjob-abc') {
      times.push(Date.now());
      retrievals++;
      return reply.json(200, jobFixture({ status: stages[Math.min(retrievals - 1, stages.length - 1)]!.status }));
    }
    if (request.path === '/v1/fine_tuning/jobs/ftjob-abc/events') {
      const all = Array.from({ length: stage.events }, (_, index) => event(stage.events - index));
      const after = request.query.get('after');
      const start = after === null ? 0 : all.findIndex((item) => item.id === after) + 1;
      return reply.json(200, { object: 'list', data: all.slice(start, start + 2), has_more: start + 2 < all.length });
    }
    return reply.json(404, { error: { message: 'unexpected' } });
  };
  return { handler, retrievals: () => retrievals, times };
}

const context = useServer((_request, reply) => reply.json(500, { error: { message: 'no handler' } }));

function describeUpdate(update: FineTuningJobUpdate): string {
  return update.type === 'event' ? `event ${update.event.id}` : `status ${update.previousStatus ?? '-'} -> ${update.status}`;
}

describe('watchFineTuningJob', () => {
  it('yields each new event once, oldest first, and each status change until the job succeeds', async () => {
    const job = advancingJob([
      { status: 'validating_files', events: 2 },
      { status: 'running', events: 3 },
      { status: 'running', events: 3 },
      { status: 'running', events: 6 },
      { status: 'succeeded', events: 7 },
    ]);
    context.server.handler = job.handler;
    const updates: string[] = [];
    const generator = watchFineTuningJob(context.client(), { fine_tuning_job_id: 'ftjob-abc' }, { intervalMs: 1, maxIntervalMs: 4 });
    let result = await generator.next();
    for (; !result.done; result = await generator.next()) updates.push(describeUpdate(result.value));

    expect(updates).toEqual([
      'event ev-1',
      'event ev-2',
      'status - -> validating_files',
      'event ev-3',
      'status validating_files -> running',
      'event ev-4',
      'event ev-5',
      'event ev-6',
      'event ev-7',
      'status running -> succeeded',
    ]);
    expect(result.value.status).toBe('succeeded');
    expect(job.retrievals()).toBe(5);
    // The fourth poll reads back only until it reaches an event already reported.
    const eventURLs = context.server.requests.filter((seen) => seen.path.endsWith('/events')).map((seen) => seen.url.replace('/v1/fine_tuning/jobs/ftjob-abc/events', ''));
    expect(eventURLs).toEqual([
      '?limit=100',
      '?limit=100',
      '?limit=100',
      '?limit=100',
      '?limit=100&after=ev-5',
      '?limit=100',
    ]);
  });

  it('passes the call options to every request', async () => {
    const job = advancingJob([{ status: 'cancelled', events: 0 }]);
    context.server.handler = job.handler;
    const updates: FineTuningJobUpdate[] = [];
    for await (const update of watchFineTuningJob(context.client(), { fine_tuning_job_id: 'ftjob-abc' }, { headers: { 'X-Team': 'ml' } })) updates.push(update);
    expect(updates.map(describeUpdate)).toEqual(['status - -> cancelled']);
    expect(context.server.requests.map((seen) => seen.headers['x-team'])).toEqual(['ml', 'ml']);
  });

  it('backs off exponentially while nothing changes, up to maxIntervalMs', async () => {
    const job = advancingJob([
      { status: 'running', events: 0 },
      { status: 'running', events: 0 },
      { status: 'running', events: 0 },
      { status: 'running', events: 0 },
      { status: 'failed', events: 0 },
    ]);
    context.server.handler = job.handler;
    for await (const _update of watchFineTuningJob(context.client(), { fine_tuning_job_id: 'ftjob-abc' }, { intervalMs: 40, maxIntervalMs: 120 })) {
      // Only the pace matters here.
    }
    const gaps = job.times.slice(1).map((time, index) => time - job.times[index]!);
    expect(gaps).toHaveLength(4);
    // Waits of 40 (after the first status), then 80, 120, 120: each gap also holds one events request.
    expect(gaps[0]).toBeGreaterThanOrEqual(38);
    expect(gaps[1]).toBeGreaterThanOrEqual(78);
    expect(gaps[2]).toBeGreaterThanOrEqual(118);
    expect(gaps[3]).toBeGreaterThanOrEqual(118);
    expect(gaps[3]).toBeLessThan(230);
  });

  it('throws the AbortError promptly when aborted between polls', async () => {
    context.server.handler = advancingJob([{ status: 'running', events: 0 }]).handler;
    const controller = new AbortController();
    const generator = watchFineTuningJob(context.client(), { fine_tuning_job_id: 'ftjob-abc' }, { signal: controller.signal, intervalMs: 60_000 });
    expect((await generator.next()).value).toMatchObject({ type: 'status', status: 'running' });
    const started = Date.now();
    setTimeout(() => controller.abort(), 30);
    const failure = await generator.next().catch((error: unknown) => error);
    expect((failure as Error).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(context.server.requests).toHaveLength(2);
  });

  it('throws the AbortError promptly when aborted during a stalled request', async () => {
    context.server.handler = (_request, reply) => reply.stall();
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const failure = await watchFineTuningJob(context.client(), { fine_tuning_job_id: 'ftjob-abc' }, { signal: controller.signal })
      .next()
      .catch((error: unknown) => error);
    expect((failure as Error).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('throws API errors', async () => {
    context.server.handler = (_request, reply) => reply.json(404, { error: { message: 'No such job', type: 'invalid_request_error' } });
    const failure = await watchFineTuningJob(context.client(), { fine_tuning_job_id: 'ftjob-abc' }).next().catch((error: unknown) => error);
    expect((failure as { status?: number }).status).toBe(404);
  });
});

describe('isTerminalFineTuningJobStatus', () => {
  it('is true only for succeeded, failed and cancelled', () => {
    expect(['validating_files', 'queued', 'running', 'succeeded', 'failed', 'cancelled', 'paused'].filter(isTerminalFineTuningJobStatus)).toEqual([
      'succeeded',
      'failed',
      'cancelled',
    ]);
  });
});
