import { type Client, type Page, type RequestOptions, sleep } from '@openai-micro/core';
import { listFineTuningEvents } from './list-fine-tuning-events.js';
import { retrieveFineTuningJob } from './retrieve-fine-tuning-job.js';
import type { FineTuningJob, FineTuningJobEvent, FineTuningJobParams, FineTuningJobStatus } from './types.js';

/**
 * Options of {@link watchFineTuningJob}: the polling pace, a signal, and the
 * per-call options (headers, timeout, retries…) used for every request.
 *
 * @example
 * const options: WatchFineTuningJobOptions = { signal: AbortSignal.timeout(3_600_000), intervalMs: 5000, maxIntervalMs: 60_000 };
 */
export interface WatchFineTuningJobOptions extends Omit<RequestOptions, 'schema' | 'onUploadProgress' | 'query'> {
  /** Stops watching: the generator throws the signal's reason (an AbortError) as soon as it aborts. */
  signal?: AbortSignal;
  /** The wait after a poll that brought news, in milliseconds. Default 2000. */
  intervalMs?: number;
  /** The longest wait between polls: quiet polls double the wait up to this. Default 60000. */
  maxIntervalMs?: number;
}

/**
 * What {@link watchFineTuningJob} yields: a new event of the job, or a change
 * of its status (the first poll always reports the status it found). Both
 * carry the job as it was last retrieved.
 *
 * @example
 * function render(update: FineTuningJobUpdate) {
 *   if (update.type === 'event') return `${update.event.level}: ${update.event.message}`;
 *   return `status: ${update.previousStatus ?? '-'} -> ${update.status}`;
 * }
 */
export type FineTuningJobUpdate =
  | { type: 'event'; event: FineTuningJobEvent; job: FineTuningJob }
  | { type: 'status'; status: FineTuningJobStatus; previousStatus: FineTuningJobStatus | undefined; job: FineTuningJob };

/**
 * Whether a job status is final: `succeeded`, `failed` or `cancelled`.
 *
 * @example
 * if (isTerminalFineTuningJobStatus(job.status)) console.log('done:', job.status);
 */
export function isTerminalFineTuningJobStatus(status: FineTuningJobStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}

// The API lists events newest first, so walking back stops at the first page
// that reaches an event already reported; the result is put in chronological order.
async function unseenEvents(client: Client, params: FineTuningJobParams, seen: Set<string>, options: RequestOptions<any>): Promise<FineTuningJobEvent[]> {
  const fresh: FineTuningJobEvent[] = [];
  const first = await listFineTuningEvents(client, { fine_tuning_job_id: params.fine_tuning_job_id, limit: 100 }, options);
  for (let page: Page<FineTuningJobEvent> | undefined = first; page; page = await page.nextPage()) {
    let reachedSeen = false;
    for (const event of page.data) {
      if (seen.has(event.id)) {
        reachedSeen = true;
        continue;
      }
      seen.add(event.id);
      fresh.push(event);
    }
    if (reachedSeen) break;
  }
  // Stable sort: events of the same second keep the order the API gave them.
  return fresh.reverse().sort((left, right) => left.created_at - right.created_at);
}

/**
 * Watches a fine-tuning job until it succeeds, fails or is cancelled: an async
 * generator that yields each new event once, in chronological order, and each
 * status change, then returns the final job. Polls back off exponentially
 * while nothing changes (from `intervalMs` up to `maxIntervalMs`) and return
 * to `intervalMs` when something does. Aborting the signal ends it at once by
 * throwing the signal's reason; API errors after core's retries are thrown too.
 * Beyond go-openai, which has no watcher.
 *
 * @example
 * const controller = new AbortController();
 * for await (const update of watchFineTuningJob(client, { fine_tuning_job_id: 'ftjob-abc' }, { signal: controller.signal })) {
 *   if (update.type === 'event') console.log(`[${update.event.level}] ${update.event.message}`);
 *   else console.log(`status: ${update.status}`);
 * }
 */
export async function* watchFineTuningJob(
  client: Client,
  params: FineTuningJobParams,
  options: WatchFineTuningJobOptions = {},
): AsyncGenerator<FineTuningJobUpdate, FineTuningJob, undefined> {
  const { signal, intervalMs = 2000, maxIntervalMs = 60_000, ...callOptions } = options;
  const requestOptions: RequestOptions<any> = { ...callOptions, signal };
  const seen = new Set<string>();
  let previousStatus: FineTuningJobStatus | undefined;
  let delay = intervalMs;
  for (;;) {
    signal?.throwIfAborted();
    // The job first, then its events: events written before the job turned
    // terminal are then always seen before the generator stops.
    const job = await retrieveFineTuningJob(client, params, requestOptions);
    const fresh = await unseenEvents(client, params, seen, requestOptions);
    for (const event of fresh) yield { type: 'event', event, job };
    const statusChanged = job.status !== previousStatus;
    if (statusChanged) yield { type: 'status', status: job.status, previousStatus, job };
    previousStatus = job.status;
    if (isTerminalFineTuningJobStatus(job.status)) return job;
    delay = statusChanged || fresh.length > 0 ? intervalMs : Math.min(delay * 2, maxIntervalMs);
    await sleep(delay, signal);
  }
}
