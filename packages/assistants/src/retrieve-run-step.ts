import { type Client, pathFor, request, type RequestOptions } from '@openai-micro/core';
import { assistantsBetaHeaders } from './beta-header.js';
import type { RunStep, RunStepParams } from './types.js';

/**
 * Retrieves a step of a run (go-openai `RetrieveRunStep`; the spec's `getRunStep`).
 *
 * @example
 * const step = await retrieveRunStep(client, { thread_id: 'thread_abc', run_id: 'run_abc', step_id: 'step_abc' });
 */
export async function retrieveRunStep(client: Client, params: RunStepParams, options?: RequestOptions<RunStep>): Promise<RunStep> {
  return request<RunStep>(client, { method: 'GET', path: pathFor('/threads/{thread_id}/runs/{run_id}/steps/{step_id}', params), headers: assistantsBetaHeaders }, options);
}
